import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// Who may do what: a route names the roles it serves, and what a key's scope covers
/// (an officer's brands, a producer's own products, a station's villages).
enum Access {
    static func unauthorized(zh: String, en: String) -> Problem {
        var problem = Problem(.unauthorized, "auth.unauthorized", zh: zh, en: en)
        problem.headers[.wwwAuthenticate] = "Bearer"
        return problem
    }

    static func forbidden(zh: String, en: String) -> Problem {
        Problem(.forbidden, "auth.forbidden", zh: zh, en: en)
    }

    /// The caller's key, when its role is one of `roles`.
    /// - Throws: 401 without a key, 403 for another role.
    static func require(_ context: TerroirRequestContext, _ roles: APIRole...) throws -> APIKey {
        guard let key = context.key else {
            throw unauthorized(zh: "需要 API 密钥（Authorization: Bearer …）", en: "an API key is needed (Authorization: Bearer …)")
        }
        guard roles.contains(key.role) else {
            throw forbidden(zh: "\(key.role.rawValue) 角色不能做此操作", en: "the \(key.role.rawValue) role may not do this")
        }
        return key
    }

    /// Whether `key` covers a producer's products under `brand` (any of its brands
    /// when `nil`).
    static func covers(_ key: APIKey, producer: Producer, brand: String? = nil) -> Bool {
        switch key.role {
        case .officer: brand.map(key.scope.contains) ?? producer.authorisations.keys.contains(where: key.scope.contains)
        case .producer: key.scope.first == producer.id
        case .station: key.scope.compactMap(AdministrativeCode.init).contains { $0.contains(producer.adminCode) }
        case .platform: false
        }
    }

    /// - Throws: 403 unless `key` covers the producer's products under `brand`.
    static func check(_ key: APIKey, producer: Producer, brand: String) throws {
        guard covers(key, producer: producer, brand: brand) else {
            // An officer's scope is brands; the others' are producers and villages.
            if key.role == .officer {
                throw forbidden(zh: "此密钥的范围不包括品牌“\(brand)”（可管理：\(key.scope.joined(separator: "、"))）",
                                en: "this key's scope does not cover brand “\(brand)” (it covers: \(key.scope.joined(separator: ", ")))")
            }
            throw forbidden(zh: "此密钥的范围不包括生产者“\(producer.id)”", en: "this key's scope does not cover producer “\(producer.id)”")
        }
    }
}
