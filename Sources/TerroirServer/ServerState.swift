import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import NIOCore
import ProductSpecs

/// What every route shares: the store, the metrics, the configuration.
struct ServerState: Sendable {
    let store: CatalogStore
    let metrics: ServerMetrics
    let configuration: ServerConfiguration
    let cache: CatalogCache
    let scans: ScanCounter
    let threads: StoreThreads
    let instruments: RequestInstruments
    /// Consumers' reports of fakes, everyone's together: they need no key.
    let reportLimiter = RateLimiter(rate: 1, burst: 30)

    init(store: CatalogStore, configuration: ServerConfiguration, scans: ScanCounter? = nil, threads: StoreThreads = .shared) {
        self.store = store
        self.configuration = configuration
        self.threads = threads
        self.metrics = ServerMetrics()
        self.cache = CatalogCache(store: store, recheck: configuration.cacheRecheckSeconds, threads: threads)
        self.scans = scans ?? ScanCounter(store: store, threads: threads)
        self.instruments = RequestInstruments()
    }

    /// Runs blocking store work on `StoreThreads`, never on the caller's thread.
    /// - Throws: what `work` throws.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threads.run(work)
    }

    /// The request body, at most the configured size.
    /// - Throws: 413 over the limit.
    func body(_ request: Request) async throws -> ByteBuffer {
        try await request.body.collect(upTo: configuration.maximumBodyBytes)
    }

    /// A request body as a JSON object.
    /// - Throws: 400 for anything that is not a JSON object.
    static func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else {
            throw Problem.badRequest("body.json", zh: "请求体应为 JSON 对象", en: "the request body must be a JSON object")
        }
        return object
    }

    /// The body of an act that takes a reason (suspend, revoke, reinstate, withdraw).
    struct ReasonBody: Decodable {
        let reason: String?
    }

    /// A request body decoded as `type`, its keys in snake case.
    /// - Throws: 400 for what is not JSON, 422 naming the field that is missing or of the wrong type.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch DecodingError.keyNotFound(let key, let context) {
            let field = Self.fieldPath(context.codingPath + [key])
            throw Problem(.unprocessableContent, "field.missing", zh: "缺少字段“\(field)”", en: "the field “\(field)” is missing")
        } catch DecodingError.typeMismatch(let expected, let context), DecodingError.valueNotFound(let expected, let context) {
            let field = Self.fieldPath(context.codingPath)
            let type = Self.typeName(expected)
            throw Problem(.unprocessableContent, "field.type", zh: "字段“\(field)”的类型不对（应为\(type.zh)）",
                          en: "the field “\(field)” has the wrong type (expected \(type.en))")
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            let field = Self.fieldPath(context.codingPath)
            throw Problem(.unprocessableContent, "field.invalid", zh: "字段“\(field)”的值不是允许的值", en: "the field “\(field)” does not hold an allowed value")
        } catch {
            throw Problem.badRequest("body.json", zh: "请求体应为 JSON 对象", en: "the request body must be a JSON object")
        }
    }

    /// A coding path as the client wrote it: `name.zh`, `authorisations.sihong-4x[0]`.
    private static func fieldPath(_ path: [any CodingKey]) -> String {
        path.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            let name = key.stringValue.reduce("") { $0 + ($1.isUppercase ? "_" + $1.lowercased() : String($1)) }
            return text.isEmpty ? name : text + "." + name
        }
    }

    private static func typeName(_ type: Any.Type) -> LocalizedText {
        switch type {
        case is String.Type: LocalizedText(zh: "文本", en: "text")
        case is Int.Type, is Int64.Type: LocalizedText(zh: "整数", en: "a whole number")
        case is Bool.Type: LocalizedText(zh: "true 或 false", en: "true or false")
        case is [Any].Type: LocalizedText(zh: "列表", en: "a list")
        default: LocalizedText(zh: "对象", en: "an object")
        }
    }

    /// A `Codable` result as JSON, its keys in snake case.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(bytes: try jsonBytes(value), status: status)
    }

    /// A value as the API writes JSON: keys in snake case, sorted.
    static func jsonBytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
