import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TestSupport
import Testing
@testable import TerroirServer

/// The committed OpenAPI document and the router describe the same routes.
struct OpenAPITests {
    @Test func theDocumentListsExactlyTheRouterRoutes() throws {
        let fixture = try ServerFixture()
        let router = buildRouter(store: fixture.store, configuration: ServerConfiguration(databasePath: fixture.fixture.path))
        var routed = Set(router.routes.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue) /\(path)"
        })
        // The resolver takes any prefix before /01/; the document lists its three forms,
        // and the verification page's under /verify (which also takes its report form by POST).
        let forms = ["/01/{gtin}", "/01/{gtin}/10/{lot}", "/01/{gtin}/10/{lot}/21/{serial}"]
        for method in ["GET", "HEAD", "OPTIONS", "POST"] { #expect(routed.remove("\(method) /**") != nil, "\(method) /**") }
        routed.formUnion(forms.flatMap { ["GET \($0)", "HEAD \($0)", "OPTIONS \($0)", "GET /verify\($0)", "HEAD /verify\($0)", "OPTIONS /verify\($0)", "POST /verify\($0)"] })

        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(routed == documented, "only routed: \(routed.subtracting(documented)); only documented: \(documented.subtracting(routed))")
    }
}
