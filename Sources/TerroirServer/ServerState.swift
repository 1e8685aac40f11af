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

    /// Runs blocking store work on `StoreThreads`, never on the caller's thread.
    /// - Throws: what `work` throws.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threads.run(work)
    }

    /// Who is acting, for the audit log.
    static func actor(_ key: APIKey) -> String {
        "key:\(key.id):\(key.name)"
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

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
