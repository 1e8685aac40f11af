import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TerroirServer
import TestSupport
import Testing

/// A store with the Sihong standard, two producers (`farm` in village 321324101, `mill`
/// in 321324103), a certified rice product of the farm with a GTIN, a compliant one of
/// the mill, and a key of every role; and the application over it.
struct ServerFixture: Sendable {
    let fixture: StoreFixture
    let tokens: [String: String]
    let certifiedID: Int64
    let millProductID: Int64
    /// A certified hairy crab of the farm, with a GTIN: it takes commitment certificates.
    let crabID: Int64

    var store: CatalogStore { fixture.store }

    init() throws {
        fixture = try StoreFixture()
        var certified = StoreFixture.rice("RICE-A"), other = StoreFixture.rice("RICE-M", producer: "mill")
        certified.fields["gtin"] = "6901234567014"
        other.fields["gtin"] = "6901234567021"
        try fixture.importAll([certified, other, StoreFixture.crab("CRAB-A", gtin: "6901234567052")])
        let products = try fixture.store.products()
        certifiedID = products.first { $0.product.sku == "RICE-A" }!.id
        millProductID = products.first { $0.product.sku == "RICE-M" }!.id
        crabID = products.first { $0.product.sku == "CRAB-A" }!.id
        _ = try fixture.store.certify(ids: [certifiedID, crabID], actor: "officer")
        // The other officer's brand is published too, with no products: its catalog is empty, not unknown.
        _ = try fixture.store.publish(StoreFixture.standard("yantai-apple"), actor: "test")
        var tokens: [String: String] = [:]
        tokens["officer"] = try fixture.store.createAPIKey(name: "officer", role: .officer, scope: ["sihong-4x"], actor: "test").token
        tokens["other-officer"] = try fixture.store.createAPIKey(name: "elsewhere", role: .officer, scope: ["yantai-apple"], actor: "test").token
        tokens["producer"] = try fixture.store.createAPIKey(name: "farm", role: .producer, scope: ["farm"], actor: "test").token
        tokens["station"] = try fixture.store.createAPIKey(name: "station", role: .station, scope: ["321324101"], actor: "test").token
        tokens["platform"] = try fixture.store.createAPIKey(name: "platform", role: .platform, scope: [], actor: "test").token
        self.tokens = tokens
    }

    var application: some ApplicationProtocol {
        let configuration = ServerConfiguration(databasePath: fixture.path, assetsPath: StoreFixture.repository.appendingPathComponent("Assets").path,
                                                brandsPath: StoreFixture.repository.appendingPathComponent("Brands").path,
                                                cacheRecheckSeconds: 0)
        return Application(router: buildRouter(store: fixture.store, configuration: configuration))
    }

    /// The service's OpenAPI document in the repository.
    static let openAPIURL = StoreFixture.repository.appendingPathComponent("Sources/TerroirServer/openapi.json")

    static func headers(_ token: String?, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        return headers
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

extension TestClientProtocol {
    /// `execute`, with the response checked against the OpenAPI document: every
    /// response a test receives is one the document describes.
    func documented(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let response = try await execute(uri: uri, method: method, headers: headers, body: body)
        let problems = OpenAPIDocumentCheck.shared.problems(method: method.rawValue, path: uri, status: Int(response.status.code),
                                                            contentType: response.headers[.contentType], contentEncoding: response.headers[.contentEncoding],
                                                            body: Data(response.body.readableBytesView))
        for problem in problems { Issue.record("not as documented: \(problem)", sourceLocation: sourceLocation) }
        return response
    }
}
