import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TestSupport
import Testing

/// Every route of the OpenAPI document that needs a key, every role and no key: the
/// expected 2xx, 401 or 403.
struct RoleMatrixTests {
    struct Case: Sendable {
        let method: HTTPRequest.Method
        /// The route as the OpenAPI document names it.
        let route: String
        /// The path to request, made just before each request (a product to delete, say).
        let path: @Sendable () throws -> String
        let body: String?
        /// The body's media type, when it is not JSON.
        let contentType: String?
        /// The roles that may; every other role gets 403, no key 401.
        let allowed: Set<String>

        init(_ method: HTTPRequest.Method, _ route: String, path: String? = nil, body: String? = nil, contentType: String? = nil,
             allowed: Set<String>, freshPath: (@Sendable () throws -> String)? = nil) {
            self.method = method
            self.route = route
            self.path = freshPath ?? { path ?? route }
            self.body = body
            self.contentType = contentType
            self.allowed = allowed
        }
    }

    static let everyRole: Set<String> = ["officer", "other-officer", "producer", "station", "platform"]

    static func cases(_ fixture: ServerFixture, batch: Int64, certificate: Int64 = 1) -> [Case] {
        let product = fixture.certifiedID
        let newProduct = """
            {"brand":"sihong-4x","sku":"NEW-\\(ROLE)","category":"rice","name_zh":"新米","origin":"321324101","producer":"farm",
             "gtin":"6901234567038","attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"14.5%","variety":"南粳9108"}}
            """
        let changedProduct = """
            {"category":"rice","name_zh":"新米（改）","origin":"321324101","gtin":"6901234567014",
             "attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"14.0%","variety":"南粳9108"}}
            """
        let newProducer = """
            {"id":"new-\\(ROLE)","name":{"zh":"新社","en":"New co-op"},"uscc":"92321322MA1F2G3H5R","admin_code":"321324101",
             "authorisations":{"sihong-4x":["rice"]}}
            """
        let store = fixture.fixture
        return [
            Case(.get, "/v1/brands", allowed: everyRole),
            Case(.get, "/v1/brands/{id}", path: "/v1/brands/sihong-4x", allowed: everyRole),
            Case(.post, "/v1/brands/{id}/publish", path: "/v1/brands/sihong-4x/publish", allowed: ["officer"]),
            Case(.post, "/v1/brands/{id}/revalidate", path: "/v1/brands/sihong-4x/revalidate", allowed: ["officer"]),
            Case(.get, "/v1/brands/{id}/scans", path: "/v1/brands/sihong-4x/scans?since=2026-01-01", allowed: ["officer"]),
            Case(.post, "/v1/producers", body: newProducer, allowed: ["officer"]),
            Case(.get, "/v1/producers/{id}", path: "/v1/producers/farm", allowed: ["officer", "producer", "station"]),
            Case(.patch, "/v1/producers/{id}", path: "/v1/producers/farm", body: #"{"name_en":"Farm (renamed by \(ROLE))"}"#, allowed: ["officer"]),
            Case(.post, "/v1/products/validate", body: newProduct, allowed: ["officer", "producer", "station"]),
            Case(.post, "/v1/products", body: newProduct, allowed: ["producer", "station"]),
            Case(.post, "/v1/products/import", path: "/v1/products/import?brand=sihong-4x", body: """
                sku,category,name_zh,origin,producer,net_content,grade,moisture,variety
                IMP-\\(ROLE),rice,新米,321324101,farm,5 kg,grade-1,14.5%,南粳9108
                """, contentType: "text/csv", allowed: ["producer", "station"]),
            Case(.get, "/v1/products/{id}", path: "/v1/products/\(product)", allowed: ["officer", "producer", "station"]),
            Case(.post, "/v1/products/{id}/certify", path: "/v1/products/\(product)/certify", allowed: ["officer"]),
            Case(.post, "/v1/label-batches", body: "{\"product\":\(product),\"lot\":\"L1\",\"count\":2}", allowed: ["producer", "station"]),
            Case(.get, "/v1/label-batches/{id}", path: "/v1/label-batches/\(batch)", allowed: ["officer", "producer", "station"]),
            Case(.get, "/v1/label-batches/{id}/labels/{file}", path: "/v1/label-batches/\(batch)/labels/1.svg", allowed: ["officer", "producer", "station"]),
            // The first to void the batch's serials voids them; the others find them voided.
            Case(.post, "/v1/label-batches/{id}/void", path: "/v1/label-batches/\(batch)/void", body: #"{"serials":"1-2","reason":"jammed roll"}"#,
                 allowed: ["officer", "producer", "station"]),
            Case(.post, "/v1/certificates", body: """
                {"product":\(fixture.crabID),"quantity":"1000斤","commitment":"producer","basis":"self-test","report":"JC-\\(ROLE)",
                 "contact":"0527-1234","count":1,"format":"png"}
                """, allowed: ["producer", "station"]),
            // Everyone who may read certificates gets a list: the other officer an empty one.
            Case(.get, "/v1/certificates", allowed: ["officer", "other-officer", "producer", "station"]),
            Case(.get, "/v1/certificates/{id}", path: "/v1/certificates/\(certificate)", allowed: ["officer", "producer", "station"]),
            // The first to void the certificate voids its copies; the others find them voided.
            Case(.post, "/v1/certificates/{id}/void", path: "/v1/certificates/\(certificate)/void", body: #"{"reason":"wrong weight"}"#,
                 allowed: ["officer", "producer", "station"]),
            Case(.get, "/v1/catalog/products", allowed: ["officer", "other-officer", "platform"]),
            Case(.get, "/v1/catalog/changes", allowed: ["officer", "other-officer", "platform"]),
            Case(.get, "/v1/catalog/export", path: "/v1/catalog/export?format=ndjson", allowed: ["officer", "other-officer", "platform"]),
            Case(.put, "/v1/products/{id}", path: "/v1/products/\(product)", body: changedProduct, allowed: ["producer", "station"]),
            // Each request deletes a product of its own, made just before it.
            Case(.delete, "/v1/products/{id}", allowed: ["officer", "producer", "station"], freshPath: {
                let sku = "DEL-\(UUID().uuidString.prefix(8))"
                try store.importAll([StoreFixture.rice(sku)])
                return "/v1/products/\(try store.store.product(reference: "farm/\(sku)")!.id)"
            }),
            Case(.post, "/v1/products/{id}/withdraw", body: #"{"reason":"sold out for the season"}"#, allowed: ["officer", "producer", "station"], freshPath: {
                let sku = "WD-\(UUID().uuidString.prefix(8))"
                try store.importAll([StoreFixture.rice(sku)])
                return "/v1/products/\(try store.store.product(reference: "farm/\(sku)")!.id)/withdraw"
            }),
            // The mill: suspended, reinstated, then revoked, by the officer alone.
            Case(.post, "/v1/producers/{id}/suspend", path: "/v1/producers/mill/suspend", body: #"{"reason":"moisture fraud"}"#, allowed: ["officer"]),
            Case(.post, "/v1/producers/{id}/reinstate", path: "/v1/producers/mill/reinstate", body: #"{"reason":"re-inspected"}"#, allowed: ["officer"]),
            Case(.post, "/v1/producers/{id}/revoke", path: "/v1/producers/mill/revoke", body: #"{"reason":"repeat offence"}"#, allowed: ["officer"]),
        ]
    }

    /// A batch of two labels of the certified product, issued as its producer.
    static func batch(_ fixture: ServerFixture, client: some TestClientProtocol) async throws -> Int64 {
        let issued = try await client.documented(uri: "/v1/label-batches", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                              body: ByteBuffer(string: "{\"product\":\(fixture.certifiedID),\"lot\":\"M1\",\"count\":2}"))
        return try #require(issued.json["id"] as? Int64 ?? (issued.json["id"] as? Int).map(Int64.init), "\(issued.text)")
    }

    /// A certificate of the crab, issued as its producer.
    static func certificate(_ fixture: ServerFixture, client: some TestClientProtocol) async throws -> Int64 {
        let issued = try await client.documented(uri: "/v1/certificates", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                              body: ByteBuffer(string: """
                                                  {"product":\(fixture.crabID),"quantity":"500kg","commitment":"producer","basis":"quality-control",
                                                   "contact":"0527-1234","count":2,"format":"pdf"}
                                                  """))
        let certificate = try #require(issued.json["certificate"] as? [String: Any], "\(issued.text)")
        return try #require(certificate["id"] as? Int64 ?? (certificate["id"] as? Int).map(Int64.init))
    }

    @Test func theMatrixCoversEveryRouteThatNeedsAKey() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: ServerFixture.openAPIURL)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let secured = Set(paths.flatMap { path, operations in
            operations.filter { ($0.value["security"] as? [Any])?.isEmpty != true }.map { "\($0.key.uppercased()) \(path)" }
        })
        // DELETE /v1/certificates/{id} is refused for two years to every role: RetentionTests has it.
        let covered = Set(Self.cases(try ServerFixture(), batch: 1).map { "\($0.method.rawValue) \($0.route)" } + ["DELETE /v1/certificates/{id}"])
        #expect(secured.count >= 20)
        #expect(covered == secured, "not in the matrix: \(secured.subtracting(covered).sorted()); not in the document: \(covered.subtracting(secured).sorted())")
    }

    @Test func everyRouteAnswersEveryRoleAsItShould() async throws {
        let fixture = try ServerFixture()
        let roles = ["officer", "other-officer", "producer", "station", "platform"]
        try await fixture.application.test(.router) { client in
            let batch = try await Self.batch(fixture, client: client)
            let certificate = try await Self.certificate(fixture, client: client)
            for testCase in Self.cases(fixture, batch: batch, certificate: certificate) {
                for role in roles + ["none"] {
                    let token = role == "none" ? nil : fixture.tokens[role]
                    let body = testCase.body.map { ByteBuffer(string: $0.replacingOccurrences(of: "\\(ROLE)", with: role)) }
                    let path = try testCase.path()
                    let extra: HTTPFields = testCase.contentType.map { [.contentType: $0] } ?? [:]
                    let response = try await client.documented(uri: path, method: testCase.method, headers: ServerFixture.headers(token, extra), body: body)
                    let expectedCode = role == "none" ? 401 : testCase.allowed.contains(role) ? nil : 403
                    if let expectedCode {
                        #expect(response.status.code == expectedCode, "\(testCase.method) \(path) as \(role): \(response.status) \(response.text.prefix(300))")
                        #expect(response.headers[.contentType] == "application/problem+json")
                    } else {
                        #expect(response.status.kind == .successful, "\(testCase.method) \(path) as \(role): \(response.status) \(response.text.prefix(300))")
                    }
                }
            }
        }
    }

    @Test func aBadOrRevokedKeyIs401() async throws {
        let fixture = try ServerFixture()
        let keys = try fixture.store.apiKeys()
        _ = try fixture.store.revokeAPIKey(id: keys.first { $0.role == .platform }!.id, actor: "test")
        try await fixture.application.test(.router) { client in
            for token in ["nonsense", "trr_1_wrong", fixture.tokens["platform"]!] {
                let response = try await client.documented(uri: "/v1/catalog/products", method: .get, headers: ServerFixture.headers(token))
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }
}
