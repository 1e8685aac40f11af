import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import BrandStandards
import ProductSpecs
import TestSupport
@testable import TerroirServer
import Testing

/// The resolver: a URI from an issued label is genuine; a forged serial or signature is
/// not issued; a malformed URI is 400; an unknown GTIN 404.
struct ResolverTests {
    static func path(_ uri: String) -> String {
        // The resolver answers on any host: keep the path and query.
        let afterScheme = uri.components(separatedBy: "://")[1]
        return String(afterScheme[afterScheme.firstIndex(of: "/")!...])
    }

    static let json: HTTPFields = [.accept: "application/json"]
    static let browser: HTTPFields = [.accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]

    /// The verification page of a label's URI: where its default link leads.
    static func page(_ uri: String) -> String {
        "/verify" + path(uri)
    }

    static func issue(_ client: some TestClientProtocol, _ fixture: ServerFixture, count: Int = 3) async throws -> (batch: Int, uris: [String]) {
        let issued = try await client.documented(uri: "/v1/label-batches", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                                 body: ByteBuffer(string: "{\"product\":\(fixture.certifiedID),\"lot\":\"L2026\",\"count\":\(count)}"))
        #expect(issued.status == .created, "\(issued.text)")
        let manifest = issued.json["manifest"] as? [[String: Any]] ?? []
        return (issued.json["id"] as? Int ?? 0, manifest.compactMap { $0["uri"] as? String })
    }

    @Test func issuedLabelsAreGenuineAndForgeriesAreNot() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let (batch, uris) = try await Self.issue(client, fixture)
            let uri = try #require(uris.first)

            // A label's file produced over HTTP counts its serial printed in the mark ledger, once.
            for _ in 1...2 {
                let file = try await client.documented(uri: "/v1/label-batches/\(batch)/labels/1.svg", method: .get,
                                                       headers: ServerFixture.headers(fixture.tokens["producer"]))
                #expect(file.status == .ok && file.headers[.contentType] == "image/svg+xml")
            }
            #expect(try fixture.store.printedSerials(batchID: Int64(batch)) == [1...1])

            // A machine's JSON fetch tells the verdict and counts no scan; the page counts one.
            let genuine = try await client.documented(uri: Self.path(uri), method: .get, headers: Self.json)
            #expect(genuine.status == .ok && genuine.json["verdict"] as? String == "genuine", "\(genuine.text)")
            #expect(genuine.json["scans"] as? Int == 0)
            let page = try await client.documented(uri: Self.page(uri), method: .get, headers: Self.browser)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("data-verdict=\"genuine\"") && page.text.contains("正品") && page.text.contains("Genuine"))
            #expect(page.text.contains("首次扫描 First scanned") && page.text.contains("举报疑似假冒") && !page.text.contains("<script"))
            #expect(page.body.readableBytes < 30_000)
            #expect(try await client.documented(uri: Self.path(uri), method: .get, headers: Self.json).json["scans"] as? Int == 1)

            let forgedSerial = uri.replacingOccurrences(of: "/21/1?", with: "/21/999?")
            let forgedSignature = String(uri.dropLast(3)) + "AAA"
            let otherLot = uri.replacingOccurrences(of: "/10/L2026/", with: "/10/L2027/")
            for (forged, reason) in [(forgedSerial, "never issued"), (forgedSignature, "signature"), (otherLot, "another lot"),
                                     (uri.components(separatedBy: "?")[0], "signature")] {
                let response = try await client.documented(uri: Self.path(forged), method: .get, headers: Self.json)
                #expect(response.json["verdict"] as? String == "not_issued", "\(forged): \(response.text.prefix(200))")
                let forgedPage = try await client.documented(uri: Self.page(forged), method: .get, headers: Self.browser)
                #expect(forgedPage.text.contains("data-verdict=\"not_issued\"") && forgedPage.text.contains("counterfeit") && forgedPage.text.contains(reason),
                        "\(forged)")
                #expect(!forgedPage.text.contains("Genuine"))
            }

            let linkset = try await client.documented(uri: Self.path(uri), method: .get, headers: [.accept: "application/linkset+json"])
            #expect((linkset.json["linkset"] as? [Any])?.count == 1)
            let jsonLD = try await client.documented(uri: Self.path(uri), method: .get, headers: [.accept: "application/ld+json"])
            #expect(jsonLD.json["@type"] as? String == "Product")

            let malformed = try await client.documented(uri: "/01/06901234567015/10/L2026", method: .get, headers: Self.json)
            #expect(malformed.status == .badRequest && malformed.headers[.contentType] == "application/problem+json")
            let order = try await client.documented(uri: "/01/06901234567014/21/1/10/L2026", method: .get)
            #expect(order.status == .badRequest)
            let unknown = try await client.documented(uri: "/01/09520123456788", method: .get)
            #expect(unknown.status == .notFound && unknown.headers[.accessControlAllowOrigin] == "*")
            let prefixed = try await client.documented(uri: "/gi" + Self.path(uri), method: .get, headers: Self.json)
            #expect(prefixed.json["verdict"] as? String == "genuine")
        }
    }

    /// GS1-Conformant Resolver: redirects, link types, content negotiation with q-values,
    /// HEAD, OPTIONS and CORS, the Link header, the description file, the syntax rules.
    @Test func answersAsAGS1ConformantResolver() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let uri = try #require(try await Self.issue(client, fixture, count: 1).uris.first)
            let path = Self.path(uri)
            let signature = try #require(uri.components(separatedBy: "?").last)

            // No linkType, a browser's Accept (or none, or curl's */*): 307 to the
            // verification page on the brand's resolver host, the query string kept.
            for headers: HTTPFields in [Self.browser, [:], [.accept: "*/*"]] {
                let redirect = try await client.documented(uri: path, method: .get, headers: headers)
                #expect(redirect.status == .temporaryRedirect, "\(headers)")
                #expect(redirect.headers[.location] == "https://id.sihong.example.cn/verify" + path, "\(redirect.headers[.location] ?? "")")
                let link = redirect.headers[HTTPField.Name("Link")!] ?? ""
                #expect(link.contains("rel=\"linkset\"") && link.contains("https://gs1.org/voc/pip") && link.contains("https://gs1.org/voc/defaultLink"))
                #expect(redirect.headers[.accessControlAllowOrigin] == "*")
            }
            let withAttributes = try await client.documented(uri: path + "&17=271231", method: .get)
            #expect(withAttributes.headers[.location]?.hasSuffix("?17=271231&\(signature)") == true, "\(withAttributes.headers[.location] ?? "")")

            // linkType: a redirect to that link; the link set; 404 for a type it has not.
            let pip = try await client.documented(uri: path + "&linkType=gs1:pip", method: .get)
            #expect(pip.status == .temporaryRedirect && pip.headers[.location] == "https://id.sihong.example.cn/products/\(fixture.certifiedID)")
            let full = try await client.documented(uri: path + "&linkType=https%3A%2F%2Fgs1.org%2Fvoc%2FcertificationInfo", method: .get)
            #expect(full.headers[.location] == "https://id.sihong.example.cn/brands/sihong-4x")
            for type in ["linkset", "all"] {
                let linkset = try await client.documented(uri: path + "&linkType=\(type)", method: .get, headers: Self.browser)
                #expect(linkset.headers[.contentType] == "application/linkset+json")
                #expect(linkset.headers[HTTPField.Name("Link")!]?.contains("json-ld#context") == true)
            }
            #expect(try await client.documented(uri: path + "&linkType=gs1:hasRetailers", method: .get).status == .notFound)
            #expect(try await client.documented(uri: path + "&linkType=gs1:recipeInfo", method: .get).status == .notFound)

            // q-values: text/html;q=0 is not HTML.
            let notHTML = try await client.documented(uri: path, method: .get, headers: [.accept: "text/html;q=0, application/json"])
            #expect(notHTML.status == .ok && notHTML.headers[.contentType] == "application/json")
            let preferJSON = try await client.documented(uri: path, method: .get, headers: [.accept: "text/html;q=0.5, application/json;q=0.9"])
            #expect(preferJSON.headers[.contentType] == "application/json")
            #expect(try await client.documented(uri: path, method: .get, headers: [.accept: "text/html;q=0"]).status == .notAcceptable)

            // HEAD and OPTIONS on every resolver URI.
            let head = try await client.documented(uri: path, method: .head)
            #expect(head.status == .temporaryRedirect && head.body.readableBytes == 0 && head.headers[.location] != nil)
            let options = try await client.documented(uri: path, method: .options)
            #expect(options.status == .noContent && options.headers[.accessControlAllowOrigin] == "*")
            #expect(options.headers[.accessControlAllowMethods]?.contains("HEAD") == true)

            let description = try await client.documented(uri: "/.well-known/gs1resolver", method: .get)
            #expect((description.json["resolverRoot"] as? String)?.hasPrefix("http") == true, "\(description.status) \(description.text.prefix(300))")
            #expect((description.json["roots"] as? [String])?.contains("https://id.sihong.example.cn") == true)
            #expect((description.json["supportedPrimaryKeys"] as? [String]) == ["01"])

            // The syntax rules: a key or qualifier in the query, an attribute twice.
            let keyInQuery = try await client.documented(uri: "/01/06901234567014?21=5", method: .get, headers: Self.json)
            #expect(keyInQuery.status == .badRequest && keyInQuery.json["code"] as? String == "dl.key_in_query")
            let twice = try await client.documented(uri: "/01/06901234567014?17=271231&17=271231", method: .get, headers: Self.json)
            #expect(twice.status == .badRequest && twice.json["code"] as? String == "dl.attribute_duplicate")
            // GTIN-13 is padded to 14 digits.
            let short = try await client.documented(uri: "/01/6901234567014", method: .get, headers: Self.json)
            #expect(short.status == .ok && short.json["verdict"] as? String == "not_serialised")

            // An error for a person is a page with its status.
            let unknown = try await client.documented(uri: "/01/09520123456788", method: .get, headers: Self.browser)
            #expect(unknown.status == .notFound && unknown.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(unknown.text.contains("data-status=\"404\"") && unknown.text.contains("没有"))
            let malformed = try await client.documented(uri: "/01/06901234567015", method: .get, headers: Self.browser)
            #expect(malformed.status == .badRequest && malformed.text.contains("data-status=\"400\""))
        }
    }

    /// Only people's scans count; scans of codes the brand did not issue, and reports
    /// of fakes, reach the officer's scans report.
    @Test func onlyPeoplesScansCountAndForgeriesAreReported() async throws {
        let fixture = try ServerFixture()
        let counter = ScanCounter(store: fixture.store)
        let configuration = ServerConfiguration(databasePath: fixture.fixture.path, cacheRecheckSeconds: 0)
        let application = Application(router: buildRouter(store: fixture.store, configuration: configuration, scans: counter))
        try await application.test(.router) { client in
            let uri = try #require(try await Self.issue(client, fixture, count: 1).uris.first)
            _ = try await client.documented(uri: Self.page(uri), method: .get, headers: Self.browser)
            for headers: HTTPFields in [[.accept: "application/linkset+json"], Self.json, [.accept: "application/ld+json"], Self.browser] {
                for _ in 1...25 { _ = try await client.execute(uri: Self.path(uri), method: .get, headers: headers) }
            }
            _ = try await client.execute(uri: Self.path(uri), method: .head)
            #expect(try await client.documented(uri: Self.path(uri), method: .get, headers: Self.json).json["scans"] as? Int == 1)

            let forged = uri.replacingOccurrences(of: "/21/1?", with: "/21/777?")
            for _ in 1...5 { _ = try await client.documented(uri: Self.page(forged), method: .get, headers: Self.browser) }
            let report = try await client.documented(uri: Self.page(forged), method: .post,
                                                     headers: [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                                                     body: ByteBuffer(string: "note=%E5%81%87%E8%B4%A7+at+the+market&contact="))
            #expect(report.status == .created && report.text.contains("谢谢"), "\(report.text.prefix(300))")
            let empty = try await client.documented(uri: Self.page(forged), method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "note=+&contact=x"))
            #expect(empty.status == .unprocessableContent)
            counter.flush()

            let scans = try await client.documented(uri: "/v1/brands/sihong-4x/scans", method: .get, headers: ServerFixture.headers(fixture.tokens["officer"]))
            #expect(scans.status == .ok, "\(scans.text)")
            let lines = scans.json["lines"] as? [[String: Any]] ?? []
            #expect(lines.count == 1, "\(lines)")
            #expect(lines.first?["scans"] as? Int == 1 && lines.first?["first_scans"] as? Int == 1)
            #expect(lines.first?["never_issued"] as? Int == 5 && lines.first?["counterfeit_attempts"] as? Int == 5 && lines.first?["fake_reports"] as? Int == 1)
            let reports = scans.json["reports"] as? [[String: Any]] ?? []
            #expect(reports.first?["note"] as? String == "假货 at the market" && reports.first?["contact"] == nil && reports.first?["serial"] as? String == "777")
            #expect(try await client.documented(uri: "/v1/brands/sihong-4x/scans?since=yesterday", method: .get,
                                                headers: ServerFixture.headers(fixture.tokens["officer"])).status == .badRequest)
        }
    }

    /// A suspended producer's label is the brand's, but the brand no longer vouches for
    /// it: the page says so, and never "Genuine"; the brand's threshold makes labels suspicious.
    @Test func verdictsFollowTheProducerAndTheStandard() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let uri = try #require(try await Self.issue(client, fixture, count: 1).uris.first)
            var standard = StoreFixture.standard()
            standard.resolving = ResolverRules(suspiciousScans: 2)
            standard.version += "-strict"
            _ = try fixture.store.publish(standard, actor: "test")
            #expect(try fixture.store.currentStandard(brand: "sihong-4x")?.standard.resolverRules.suspiciousScans == 2)
            for scan in 1...3 {
                let page = try await client.documented(uri: Self.page(uri), method: .get, headers: Self.browser)
                #expect(page.text.contains("data-verdict=\"\(scan <= 2 ? "genuine" : "suspicious")\""), "scan \(scan): \(page.text.prefix(900))")
            }
            _ = try fixture.store.changeProducerStatus(id: "farm", to: .suspended, reason: "test", actor: "test")
            let page = try await client.documented(uri: Self.page(uri), method: .get, headers: Self.browser)
            #expect(page.text.contains("data-verdict=\"not_certified\"") && !page.text.contains("Genuine") && !page.text.contains("正品"))
            // Its link set no longer links a product page that is gone from the catalog.
            let linkset = try await client.documented(uri: Self.path(uri), method: .get, headers: [.accept: "application/linkset+json"])
            #expect(!linkset.text.contains("gs1.org/voc/pip"))
        }
    }
}

/// Scan counts are kept in memory between writes and reach the store when flushed.
struct ScanCounterTests {
    @Test func countsReachTheStoreWhenFlushed() async throws {
        let fixture = try ServerFixture()
        let counter = ScanCounter(store: fixture.store)
        #expect(try await counter.record(gtin: "06901234567014", lot: "L1", serial: "1").count == 1)
        let second = try await counter.record(gtin: "06901234567014", lot: "L1", serial: "1")
        #expect(second.count == 2 && second.firstAt != nil)
        #expect(try await counter.tally(gtin: "06901234567014", lot: "L1", serial: "1").count == 2)  // a look counts nothing
        #expect(try fixture.store.scanCount(gtin: "06901234567014", lot: "L1", serial: "1") == 0)
        // Scans of one forged code between two writes are one row with their count.
        for _ in 1...3 { counter.recordAttempt(gtin: "06901234567014", lot: "L1", serial: "9", kind: .forgedSignature) }
        counter.flush()
        #expect(try fixture.store.scanTally(gtin: "06901234567014", lot: "L1", serial: "1") == second)
        let report = try fixture.store.scanReport(brand: "sihong-4x", since: nil)
        #expect(report.lines.count == 1 && report.lines.first?.forgedSignature == 3 && report.lines.first?.scans == 2, "\(report.lines)")
        #expect(try fixture.store.scanReport(brand: "sihong-4x", since: "2999-01-01").lines.isEmpty)
        #expect(try fixture.store.scanReport(brand: "yantai-apple", since: nil).lines.isEmpty)
        // Another process (a restart) goes on from the stored count.
        let restarted = ScanCounter(store: fixture.store)
        #expect(try await restarted.record(gtin: "06901234567014", lot: "L1", serial: "1").count == 3)
    }
}
