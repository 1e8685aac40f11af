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
        // The resolver takes any prefix before /01/; the document lists its three forms.
        #expect(routed.remove("GET /**") != nil)
        routed.formUnion(["GET /01/{gtin}", "GET /01/{gtin}/10/{lot}", "GET /01/{gtin}/10/{lot}/21/{serial}"])

        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(routed == documented, "only routed: \(routed.subtracting(documented)); only documented: \(documented.subtracting(routed))")
    }
}
