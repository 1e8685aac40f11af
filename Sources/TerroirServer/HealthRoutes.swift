import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import NIOCore
import ProductSpecs

extension ServerState {
    /// `/healthz`, `/metrics`, `/openapi.json`: public.
    func addHealthRoutes(to router: Router<TerroirRequestContext>) {
        router.get("/healthz") { _, _ in
            let healthy = (try? await offload { try store.currentStandards() }) != nil
            return try Self.json(["status": healthy ? "ok" : "store unavailable"], status: healthy ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: metrics.text)))
        }
        router.get("/openapi.json") { request, _ in
            try Representation(bytes: OpenAPIDocument.bytes, contentType: "application/json").response(to: request)
        }
    }
}

/// The OpenAPI 3.1 description of the service, `Sources/TerroirServer/openapi.json`,
/// kept in step with the router by a test.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else { return Array("{}".utf8) }
        return Array(data)
    }()
}
