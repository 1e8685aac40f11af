import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

extension ServerState {
    /// `/v1/producers`: officers register producers for their brands; a producer reads
    /// itself, a station the producers of its villages.
    func addProducerRoutes(to router: Router<TerroirRequestContext>) {
        router.post("/v1/producers") { request, context in
            let key = try Access.require(context, .officer)
            let producer = try Self.producer(from: Self.jsonObject(try await body(request)))
            return try await offload { try register(producer, key: key) }
        }
        router.get("/v1/producers/:id") { _, context in
            let key = try Access.require(context, .officer, .producer, .station)
            let id = try context.parameters.require("id")
            return try await offload {
                guard let producer = try store.producer(id: id) else { throw Problem.notFound("no producer “\(id)”", zh: "没有生产者“\(id)”") }
                guard Access.covers(key, producer: producer) else {
                    throw Access.forbidden(zh: "此密钥的范围不包括生产者“\(id)”", en: "this key's scope does not cover producer “\(id)”")
                }
                return Self.json(Self.producerJSON(producer))
            }
        }
    }

    /// Registers a new producer for the officer's brands. Blocks: on `StoreThreads`.
    private func register(_ producer: Producer, key: APIKey) throws -> Response {
        for (brand, categories) in producer.authorisations {
            guard key.scope.contains(brand) else {
                throw Access.forbidden(zh: "此密钥不能为品牌“\(brand)”登记生产者", en: "this key may not register producers for brand “\(brand)”")
            }
            guard let published = try store.currentStandard(brand: brand) else {
                throw Problem(.unprocessableContent, "brand.not_published", StoreError.brandNotPublished(brand).message)
            }
            for category in categories where published.standard.category(category) == nil {
                throw Problem(.unprocessableContent, "category.unknown", zh: "品牌“\(brand)”没有品类“\(category)”", en: "brand “\(brand)” has no category “\(category)”")
            }
        }
        if try store.producer(id: producer.id) != nil {
            throw Problem(.conflict, "producer.exists", zh: "生产者“\(producer.id)”已存在", en: "producer “\(producer.id)” already exists")
        }
        _ = try store.saveProducers([producer], actor: Self.actor(key))
        return Self.json(Self.producerJSON(producer), status: .created)
    }

    /// A producer from a request body: `{id, name: {zh, en}, uscc, admin_code, address?, authorisations: {brand: [category]}}`.
    static func producer(from object: [String: Any]) throws -> Producer {
        func checked(_ value: String, _ key: String) throws -> String {
            if let scalar = value.firstControlCharacter(allowingLineBreaks: false) {
                throw Problem(.unprocessableContent, "text.control_character", zh: "字段“\(key)”含有控制字符 \(scalar.codePointText)",
                              en: "the field “\(key)” holds the control character \(scalar.codePointText)")
            }
            return value
        }
        func text(_ key: String) throws -> String {
            guard let value = object[key] as? String, !value.isEmpty else {
                throw Problem(.unprocessableContent, "field.missing", zh: "缺少字段“\(key)”", en: "the field “\(key)” is missing")
            }
            return try checked(value, key)
        }
        func localized(_ key: String) throws -> LocalizedText? {
            guard let value = object[key] else { return nil }
            guard let names = value as? [String: String], let zh = names["zh"], let en = names["en"] else {
                throw Problem(.unprocessableContent, "field.type", zh: "字段“\(key)”应为 {zh, en}", en: "the field “\(key)” must be {zh, en}")
            }
            return LocalizedText(zh: try checked(zh, "\(key).zh"), en: try checked(en, "\(key).en"))
        }
        let id = try text("id")
        guard id.count <= 64, id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }) else {
            throw Problem(.unprocessableContent, "id.format", zh: "标识只能包含小写字母、数字、- 和 _", en: "an id holds only lowercase letters, digits, - and _")
        }
        let usccText = try text("uscc")
        let uscc: UnifiedSocialCreditCode
        do throws(UnifiedSocialCreditCode.Problem) { uscc = try UnifiedSocialCreditCode(usccText) } catch {
            throw Problem(.unprocessableContent, error.code, zh: "统一社会信用代码“\(usccText)”无效", en: "the unified social credit code “\(usccText)” is invalid (\(error.code))")
        }
        let codeText = try text("admin_code")
        guard let adminCode = AdministrativeCode(codeText) else {
            throw Problem(.unprocessableContent, "region.code_malformed", zh: "行政区划代码“\(codeText)”无效", en: "“\(codeText)” is not an administrative code")
        }
        guard let name = try localized("name") else {
            throw Problem(.unprocessableContent, "field.missing", zh: "缺少字段“name”", en: "the field “name” is missing")
        }
        guard let authorisations = object["authorisations"] as? [String: [String]], !authorisations.isEmpty else {
            throw Problem(.unprocessableContent, "field.missing", zh: "缺少授权（authorisations: {品牌: [品类]}）",
                          en: "the authorisations are missing ({brand: [category]})")
        }
        return Producer(id: id, name: name, uscc: uscc, adminCode: adminCode, address: try localized("address"), authorisations: authorisations)
    }

    static func producerJSON(_ producer: Producer) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(producer)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
