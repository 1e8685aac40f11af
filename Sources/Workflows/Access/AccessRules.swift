import BrandStandards
import Measures
import ProductSpecs

/// Whether an actor may perform an operation, and on what: the role matrix of
/// `Permission.roles`, then the actor's scope against the subject.
public enum AccessRules {
    /// - Throws: `WorkflowError` (`auth.forbidden`) unless the actor's role may perform the operation.
    public static func require(_ actor: Actor, _ operation: Permission) throws(WorkflowError) {
        guard operation.roles.contains(actor.role) else {
            throw WorkflowError(.forbidden, "auth.forbidden", zh: "\(actor.role.rawValue) 角色不能做此操作（\(operation.rawValue)）",
                                en: "the \(actor.role.rawValue) role may not do this (\(operation.rawValue))")
        }
    }

    /// Whether the actor's scope covers a producer's products under `brand` (under any
    /// of the producer's brands when `nil`).
    public static func covers(_ actor: Actor, producer: Producer, brand: String? = nil) -> Bool {
        switch actor.role {
        case .operator: true
        case .officer: brand.map(actor.scope.contains) ?? producer.authorisations.keys.contains(where: actor.scope.contains)
        case .producer: actor.scope.first == producer.id
        case .station: actor.scope.compactMap(AdministrativeCode.init).contains { $0.contains(producer.adminCode) }
        case .platform: false
        }
    }

    /// - Throws: `WorkflowError` (`auth.forbidden`) unless the actor's scope covers the producer's products under `brand`.
    public static func check(_ actor: Actor, producer: Producer, brand: String? = nil) throws(WorkflowError) {
        guard covers(actor, producer: producer, brand: brand) else {
            // An officer's scope is brands; the others' are producers and villages.
            if actor.role == .officer, let brand {
                throw WorkflowError(.forbidden, "auth.forbidden", zh: "此密钥的范围不包括品牌“\(brand)”（可管理：\(actor.scope.joined(separator: "、"))）",
                                    en: "this key's scope does not cover brand “\(brand)” (it covers: \(actor.scope.joined(separator: ", ")))")
            }
            throw WorkflowError(.forbidden, "auth.forbidden", zh: "此密钥的范围不包括生产者“\(producer.id)”", en: "this key's scope does not cover producer “\(producer.id)”")
        }
    }

    /// - Throws: `WorkflowError` (`auth.forbidden`) unless the actor acts for `brand` (an officer of it, or the operator).
    public static func check(_ actor: Actor, brand: String) throws(WorkflowError) {
        guard actor.role == .operator || (actor.role == .officer && actor.scope.contains(brand)) else {
            throw WorkflowError(.forbidden, "auth.forbidden", zh: "此密钥不能为品牌“\(brand)”做此操作", en: "this key may not do this for brand “\(brand)”")
        }
    }

    /// The brand whose catalog the actor reads: the one it asks for, or for an officer
    /// its one brand when it names none.
    /// - Throws: `WorkflowError` (`auth.forbidden`) for an officer outside its brands.
    public static func catalogBrand(_ requested: String?, for actor: Actor) throws(WorkflowError) -> String? {
        guard actor.role == .officer else { return requested }
        let brand = requested ?? (actor.scope.count == 1 ? actor.scope.first : nil)
        guard let brand, actor.scope.contains(brand) else {
            throw WorkflowError(.forbidden, "auth.forbidden", zh: "官员密钥只能读取其品牌的目录（用 brand= 指定）",
                                en: "an officer key reads only its brands' catalog (name one with brand=)")
        }
        return brand
    }
}
