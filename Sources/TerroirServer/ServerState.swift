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

    /// Who is acting, for the audit log.
    static func actor(_ key: APIKey) -> String {
        "key:\(key.id):\(key.name)"
    }

    /// The request body as a JSON object, at most the configured size.
    /// - Throws: 413 over the limit, 400 for anything that is not a JSON object.
    func jsonObject(_ request: Request) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: configuration.maximumBodyBytes)
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
