import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TestSupport
import TerroirServer
import Testing

/// A client's mistakes get RFC 9457 problems with stable codes, never a 500.
struct ProblemTests {
    @Test func clientMistakesAreProblemsNot500s() async throws {
        let fixture = try ServerFixture()
        let producer = ServerFixture.headers(fixture.tokens["producer"])
        try await fixture.application.test(.router) { client in
            let cases: [(HTTPRequest.Method, String, String?, Int, String)] = [
                (.get, "/no/such/route", nil, 404, "route.not_found"),
                (.post, "/v1/products", "not json", 400, "body.json"),
                (.post, "/v1/products", "{\"brand\":\"nope\"}", 422, "brand.not_published"),
                (.post, "/v1/products", String(repeating: "x", count: 2 << 20), 413, "body.too_large"),
                (.get, "/v1/products/abc", nil, 400, "product.id_malformed"),
                (.delete, "/v1/catalog/products", nil, 405, "route.method_not_allowed"),
                (.post, "/v1/label-batches", "{\"product\":\(fixture.certifiedID),\"lot\":\"L1\",\"count\":\"3\"}", 422, "field.type"),
                (.post, "/v1/products", """
                    {"brand":"sihong-4x","sku":"NUL\\u0000SKU","category":"rice","name_zh":"大米","origin":"321324101",
                     "attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"14.5%","variety":"南粳9108"}}
                    """, 422, "product.non_compliant"),
                (.get, "/v1/products/99999", nil, 404, "product.not_found"),
                (.post, "/v1/label-batches", "{\"product\":\(fixture.millProductID),\"lot\":\"L1\",\"count\":1}", 403, "auth.forbidden"),
                (.post, "/v1/label-batches", "{\"product\":\(fixture.certifiedID),\"lot\":\"批次\",\"count\":1}", 422, "label.lot_invalid"),
                (.post, "/v1/label-batches", "{\"product\":\(fixture.certifiedID),\"lot\":\"L1\",\"count\":0}", 422, "count.range"),
            ]
            for (method, path, body, status, code) in cases {
                let response = try await client.documented(uri: path, method: method, headers: producer, body: body.map { ByteBuffer(string: $0) })
                #expect(response.status.code == status, "\(method) \(path): \(response.status) \(response.text.prefix(200))")
                #expect(response.headers[.contentType] == "application/problem+json", "\(path)")
                #expect(response.json["code"] as? String == code, "\(path): \(response.text.prefix(200))")
                #expect((response.json["detail_zh"] as? String)?.isEmpty == false)
            }
        }
    }

    /// Found by fuzzing the HTTP bodies: a producer with another's credit code was a
    /// database error (500). It is a conflict, and nothing is written.
    @Test func aCreditCodeRegisteredToAnotherProducerIsAConflict() async throws {
        let fixture = try ServerFixture()
        let officer = ServerFixture.headers(fixture.tokens["officer"])
        let before = try fixture.store.producers().count
        try await fixture.application.test(.router) { client in
            let body = """
                {"id":"new-farm","name":{"zh":"新农场","en":"New farm"},"uscc":"91321324MA1N2K3L4H","admin_code":"321324101",
                 "authorisations":{"sihong-4x":["rice"]}}
                """
            let response = try await client.documented(uri: "/v1/producers", method: .post, headers: officer, body: ByteBuffer(string: body))
            #expect(response.status == .conflict, "\(response.text)")
            #expect(response.json["code"] as? String == "producer.uscc_taken")
            #expect((response.json["detail_zh"] as? String)?.contains("“farm”") == true)
        }
        #expect(try fixture.store.producers().count == before)
    }

    /// The Chinese detail is Chinese: no English sentence left in it.
    @Test func detailsInChineseHoldNoEnglishSentence() async throws {
        let fixture = try ServerFixture()
        let producer = ServerFixture.headers(fixture.tokens["producer"])
        try await fixture.application.test(.router) { client in
            for (method, path, body) in [(HTTPRequest.Method.get, "/v1/products/abc", nil), (.delete, "/v1/catalog/products", nil),
                                         (.post, "/v1/label-batches", "{\"product\":\(fixture.certifiedID),\"lot\":\"L1\",\"count\":\"3\"}")] {
                let response = try await client.documented(uri: path, method: method, headers: producer, body: body.map { ByteBuffer(string: $0) })
                let zh = response.json["detail_zh"] as? String ?? ""
                #expect(zh.range(of: #"[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}"#, options: .regularExpression) == nil, "\(path): \(zh)")
            }
        }
    }

    @Test func anUnknownBrandIs404NotAnEmptyCatalog() async throws {
        let fixture = try ServerFixture()
        let platform = ServerFixture.headers(fixture.tokens["platform"])
        try await fixture.application.test(.router) { client in
            for path in ["/v1/catalog/export?brand=nosuch", "/v1/catalog/products?brand=nosuch", "/v1/catalog/changes?brand=nosuch"] {
                let response = try await client.documented(uri: path, method: .get, headers: platform)
                #expect(response.status == .notFound, "\(path): \(response.status)")
                #expect((response.json["detail_zh"] as? String)?.contains("nosuch") == true)
            }
            let known = try await client.documented(uri: "/v1/catalog/products?brand=sihong-4x", method: .get, headers: platform)
            #expect(known.status == .ok)
        }
    }

    @Test func aWrongMethodIs405WithAllow() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.documented(uri: "/v1/products/\(fixture.certifiedID)/certify", method: .get,
                                                    headers: ServerFixture.headers(fixture.tokens["officer"]))
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "POST")
            let resolver = try await client.documented(uri: "/gi/01/06901234567014", method: .put, headers: [:])
            #expect(resolver.status == .methodNotAllowed && resolver.headers[.allow] == "GET, HEAD, OPTIONS", "\(resolver.headers[.allow] ?? "")")
        }
    }

    @Test func anOfficersForbiddenNamesTheBrand() async throws {
        let fixture = try ServerFixture()
        let (_, token) = try fixture.store.createAPIKey(name: "yantai officer", role: .officer, scope: ["yantai-apple"], actor: "test")
        try await fixture.application.test(.router) { client in
            let response = try await client.documented(uri: "/v1/products/\(fixture.certifiedID)/certify", method: .post, headers: ServerFixture.headers(token))
            #expect(response.status == .forbidden)
            #expect((response.json["detail"] as? String)?.contains("brand “sihong-4x”") == true, "\(response.text)")
            #expect((response.json["detail_zh"] as? String)?.contains("品牌“sihong-4x”") == true)
        }
    }

    @Test func aNonCompliantProductIsRefusedWithItsReport() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let body = """
                {"brand":"sihong-4x","sku":"WET","category":"rice","name_zh":"湿米","origin":"321324101",
                 "attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"19%","variety":"南粳9108"}}
                """
            let response = try await client.documented(uri: "/v1/products", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            let findings = (response.json["compliance"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
            #expect(findings.contains { ($0["field"] as? String) == "moisture" }, "\(response.text)")
            #expect(try fixture.store.product(reference: "farm/WET") == nil)
        }
    }
}

/// A key over its rate gets 429 with Retry-After; other keys are not affected.
struct RateLimitTests {
    @Test func aKeyOverItsRateIsToldWhenToRetry() async throws {
        let fixture = try ServerFixture()
        let configuration = ServerConfiguration(databasePath: fixture.fixture.path, requestsPerSecond: 0.5, burst: 2, cacheRecheckSeconds: 0)
        let application = Application(router: buildRouter(store: fixture.store, configuration: configuration))
        try await application.test(.router) { client in
            let platform = ServerFixture.headers(fixture.tokens["platform"])
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await client.documented(uri: "/v1/brands", method: .get, headers: platform).status.code)
            }
            #expect(statuses == [200, 200, 429])
            let limited = try await client.documented(uri: "/v1/brands", method: .get, headers: platform)
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { $0 >= 1 } == true)
            #expect(limited.json["code"] as? String == "rate.limited")
            let other = try await client.documented(uri: "/v1/brands", method: .get, headers: ServerFixture.headers(fixture.tokens["officer"]))
            #expect(other.status == .ok)
        }
    }
}
