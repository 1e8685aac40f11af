import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
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

    @Test func issuedLabelsAreGenuineAndForgeriesAreNot() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let issued = try await client.documented(uri: "/v1/label-batches", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                                  body: ByteBuffer(string: "{\"product\":\(fixture.certifiedID),\"lot\":\"L2026\",\"count\":3}"))
            #expect(issued.status == .created, "\(issued.text)")
            let manifest = issued.json["manifest"] as? [[String: Any]] ?? []
            #expect(manifest.count == 3)
            let uri = try #require(manifest.first?["uri"] as? String)

            // A label's file produced over HTTP counts its serial printed in the mark ledger, once.
            let batch = try #require(issued.json["id"] as? Int)
            let serial = try #require(manifest.first?["serial"] as? Int)
            for _ in 1...2 {
                let file = try await client.documented(uri: "/v1/label-batches/\(batch)/labels/\(serial).svg", method: .get,
                                                       headers: ServerFixture.headers(fixture.tokens["producer"]))
                #expect(file.status == .ok && file.headers[.contentType] == "image/svg+xml")
            }
            #expect(try fixture.store.printedSerials(batchID: Int64(batch)) == [Int64(serial)...Int64(serial)])

            let genuine = try await client.documented(uri: Self.path(uri), method: .get)
            #expect(genuine.status == .ok && genuine.json["verdict"] as? String == "genuine", "\(genuine.text)")
            #expect(genuine.json["scans"] as? Int == 1)

            let forgedSerial = uri.replacingOccurrences(of: "/21/1?", with: "/21/999?")
            let forgedSignature = String(uri.dropLast(3)) + "AAA"
            let otherLot = uri.replacingOccurrences(of: "/10/L2026/", with: "/10/L2027/")
            for forged in [forgedSerial, forgedSignature, otherLot, uri.components(separatedBy: "?")[0]] {
                let response = try await client.documented(uri: Self.path(forged), method: .get)
                #expect(response.json["verdict"] as? String == "not_issued", "\(forged): \(response.text.prefix(200))")
            }

            let page = try await client.documented(uri: Self.path(uri), method: .get, headers: [.accept: "text/html"])
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("data-verdict=\"genuine\"") && page.text.contains("正品") && page.text.contains("Genuine"))
            let forgedPage = try await client.documented(uri: Self.path(forgedSerial), method: .get, headers: [.accept: "text/html"])
            #expect(forgedPage.text.contains("data-verdict=\"not_issued\"") && forgedPage.text.contains("counterfeit"))

            let linkset = try await client.documented(uri: Self.path(uri), method: .get, headers: [.accept: "application/linkset+json"])
            #expect((linkset.json["linkset"] as? [Any])?.count == 1)
            let jsonLD = try await client.documented(uri: Self.path(uri), method: .get, headers: [.accept: "application/ld+json"])
            #expect(jsonLD.json["@type"] as? String == "Product")

            let malformed = try await client.documented(uri: "/01/06901234567015/10/L2026", method: .get)
            #expect(malformed.status == .badRequest && malformed.headers[.contentType] == "application/problem+json")
            let order = try await client.documented(uri: "/01/06901234567014/21/1/10/L2026", method: .get)
            #expect(order.status == .badRequest)
            let unknown = try await client.documented(uri: "/01/09520123456788", method: .get)
            #expect(unknown.status == .notFound)
            let prefixed = try await client.documented(uri: "/gi" + Self.path(uri), method: .get)
            #expect(prefixed.json["verdict"] as? String == "genuine")
        }
    }
}

/// Scan counts are kept in memory between writes and reach the store when flushed.
struct ScanCounterTests {
    @Test func countsReachTheStoreWhenFlushed() async throws {
        let fixture = try ServerFixture()
        let counter = ScanCounter(store: fixture.store)
        #expect(try await counter.record(gtin: "06901234567014", lot: "L1", serial: "1") == 1)
        #expect(try await counter.record(gtin: "06901234567014", lot: "L1", serial: "1") == 2)
        #expect(try fixture.store.scanCount(gtin: "06901234567014", lot: "L1", serial: "1") == 0)
        counter.flush()
        #expect(try fixture.store.scanCount(gtin: "06901234567014", lot: "L1", serial: "1") == 2)
        // Another process (a restart) goes on from the stored count.
        let restarted = ScanCounter(store: fixture.store)
        #expect(try await restarted.record(gtin: "06901234567014", lot: "L1", serial: "1") == 3)
    }
}
