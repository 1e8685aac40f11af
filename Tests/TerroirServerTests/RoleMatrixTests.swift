import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TestSupport
import Testing

/// Every route, every role and no key: the expected 2xx, 401 or 403.
struct RoleMatrixTests {
    enum Outcome: Equatable {
        case allowed, unauthorized, forbidden
    }

    struct Case: Sendable {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        /// The roles that may; every other role gets 403, no key 401.
        let allowed: Set<String>
    }

    static func cases(_ fixture: ServerFixture) -> [Case] {
        let product = fixture.certifiedID
        let newProduct = """
            {"brand":"sihong-4x","sku":"NEW-\\(UUID)","category":"rice","name_zh":"新米","origin":"321324101","producer":"farm",
             "gtin":"6901234567038","attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"14.5%","variety":"南粳9108"}}
            """
        return [
            Case(method: .get, path: "/v1/brands", body: nil, allowed: ["officer", "other-officer", "producer", "station", "platform"]),
            Case(method: .get, path: "/v1/brands/sihong-4x", body: nil, allowed: ["officer", "other-officer", "producer", "station", "platform"]),
            Case(method: .get, path: "/v1/producers/farm", body: nil, allowed: ["officer", "producer", "station"]),
            Case(method: .post, path: "/v1/products/validate", body: newProduct, allowed: ["officer", "producer", "station"]),
            Case(method: .post, path: "/v1/products", body: newProduct, allowed: ["producer", "station"]),
            Case(method: .get, path: "/v1/products/\(product)", body: nil, allowed: ["officer", "producer", "station"]),
            Case(method: .post, path: "/v1/products/\(product)/certify", body: nil, allowed: ["officer"]),
            Case(method: .post, path: "/v1/label-batches", body: "{\"product\":\(product),\"lot\":\"L1\",\"count\":2}", allowed: ["producer", "station"]),
            Case(method: .get, path: "/v1/catalog/products", body: nil, allowed: ["officer", "other-officer", "platform"]),
            Case(method: .get, path: "/v1/catalog/changes", body: nil, allowed: ["officer", "other-officer", "platform"]),
            Case(method: .get, path: "/v1/catalog/export?format=ndjson", body: nil, allowed: ["officer", "other-officer", "platform"]),
        ]
    }

    @Test func everyRouteAnswersEveryRoleAsItShould() async throws {
        let fixture = try ServerFixture()
        let roles = ["officer", "other-officer", "producer", "station", "platform"]
        try await fixture.application.test(.router) { client in
            for testCase in Self.cases(fixture) {
                for role in roles + ["none"] {
                    let token = role == "none" ? nil : fixture.tokens[role]
                    let body = testCase.body.map { ByteBuffer(string: $0.replacingOccurrences(of: "\\(UUID)", with: "\(role)")) }
                    let response = try await client.execute(uri: testCase.path, method: testCase.method, headers: ServerFixture.headers(token), body: body)
                    let expected: HTTPResponse.Status.Kind = role == "none" ? .clientError : testCase.allowed.contains(role) ? .successful : .clientError
                    let expectedCode = role == "none" ? 401 : testCase.allowed.contains(role) ? nil : 403
                    #expect(response.status.kind == expected, "\(testCase.method) \(testCase.path) as \(role): \(response.status) \(response.text.prefix(300))")
                    if let expectedCode { #expect(response.status.code == expectedCode, "\(testCase.method) \(testCase.path) as \(role)") }
                    if response.status.kind != .successful {
                        #expect(response.headers[.contentType] == "application/problem+json")
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
                let response = try await client.execute(uri: "/v1/catalog/products", method: .get, headers: ServerFixture.headers(token))
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }
}
