import BrandStandards
import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TestSupport
import Testing

/// A platform syncing: strong ETags answered with 304, gzip on request, cursor pages,
/// and tombstones in the change feed after a producer is suspended.
struct CatalogSyncTests {
    @Test func unchangedPagesAre304AndASuspensionShowsAsATombstone() async throws {
        let fixture = try ServerFixture()
        let platform = fixture.tokens["platform"]!
        try await fixture.application.test(.router) { client in
            let first = try await client.documented(uri: "/v1/catalog/products?limit=10", method: .get, headers: ServerFixture.headers(platform))
            #expect(first.status == .ok)
            let items = first.json["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["id"] as? Int } == [Int(fixture.certifiedID), Int(fixture.crabID)])
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("\"") && !tag.hasPrefix("W/"))

            let again = try await client.documented(uri: "/v1/catalog/products?limit=10", method: .get,
                                                 headers: ServerFixture.headers(platform, [.ifNoneMatch: tag]))
            #expect(again.status == .notModified && again.body.readableBytes == 0)

            let changes = try await client.documented(uri: "/v1/catalog/changes?after=0", method: .get, headers: ServerFixture.headers(platform))
            let feedTag = try #require(changes.headers[.eTag])
            _ = try fixture.store.changeProducerStatus(id: "farm", to: .suspended, reason: "moisture fraud", actor: "officer")

            let changed = try await client.documented(uri: "/v1/catalog/products?limit=10", method: .get,
                                                   headers: ServerFixture.headers(platform, [.ifNoneMatch: tag]))
            #expect(changed.status == .ok && (changed.json["items"] as? [Any])?.isEmpty == true)
            let feed = try await client.documented(uri: "/v1/catalog/changes?after=0", method: .get,
                                                headers: ServerFixture.headers(platform, [.ifNoneMatch: feedTag]))
            #expect(feed.status == .ok)
            // The farm's two certified products leave the catalog, each with its tombstone.
            let tombstones = feed.text.split(separator: "\n").suffix(2).map(String.init)
            #expect(tombstones.allSatisfy { $0.contains("\"op\":\"tombstone\"") }, "\(tombstones)")
            #expect(tombstones.contains { $0.contains("\"id\":\(fixture.certifiedID)") } && tombstones.contains { $0.contains("\"id\":\(fixture.crabID)") })
        }
    }

    /// One rule for "a brand a catalog reader may name", on every catalog route: a
    /// closed brand's catalog is empty on a page as in an export; a brand never
    /// published is a 404 with the same code on both.
    @Test func pagesAndExportsAgreeOnClosedAndUnknownBrands() async throws {
        let fixture = try ServerFixture()
        var retired = StoreFixture.standard("sihong-4x")
        retired.version = "2026.12"
        retired.status = .retired
        _ = try fixture.store.publish(retired, actor: "officer")
        _ = try fixture.store.applyStandardCalendar(actor: "test")
        let platform = ServerFixture.headers(fixture.tokens["platform"])
        try await fixture.application.test(.router) { client in
            let page = try await client.documented(uri: "/v1/catalog/products?brand=sihong-4x", method: .get, headers: platform)
            #expect(page.status == .ok && (page.json["items"] as? [Any])?.isEmpty == true, "\(page.text.prefix(300))")
            let export = try await client.documented(uri: "/v1/catalog/export?format=ndjson&brand=sihong-4x", method: .get, headers: platform)
            #expect(export.status == .ok && export.body.readableBytes == 0, "\(export.text.prefix(300))")
            for uri in ["/v1/catalog/products?brand=nowhere", "/v1/catalog/export?brand=nowhere", "/v1/catalog/changes?brand=nowhere"] {
                let unknown = try await client.documented(uri: uri, method: .get, headers: platform)
                #expect(unknown.status == .notFound && unknown.json["code"] as? String == "brand.not_found", "\(uri): \(unknown.text)")
            }
        }
    }

    @Test func pagesAreGzippedWhenAskedAndCursorsWalkTheCatalog() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.certify(ids: [fixture.millProductID], actor: "officer")
        let platform = fixture.tokens["platform"]!
        try await fixture.application.test(.router) { client in
            let zipped = try await client.documented(uri: "/v1/catalog/products", method: .get,
                                                  headers: ServerFixture.headers(platform, [.acceptEncoding: "gzip, deflate"]))
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(Array(zipped.body.readableBytesView.prefix(2)) == [0x1F, 0x8B])
            #expect(zipped.headers[.eTag]?.hasSuffix("-gzip\"") == true)

            let page1 = try await client.documented(uri: "/v1/catalog/products?limit=1", method: .get, headers: ServerFixture.headers(platform))
            let cursor = try #require(page1.json["next_cursor"] as? String)
            let page2 = try await client.documented(uri: "/v1/catalog/products?limit=1&cursor=\(cursor)", method: .get, headers: ServerFixture.headers(platform))
            let ids = [page1, page2].flatMap { ($0.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }
            #expect(ids == [Int(fixture.certifiedID), Int(fixture.millProductID)].sorted())
            for bad in ["/v1/catalog/products?limit=0", "/v1/catalog/products?limit=5000", "/v1/catalog/products?cursor=%%%", "/v1/catalog/export?format=pdf"] {
                let response = try await client.documented(uri: bad, method: .get, headers: ServerFixture.headers(platform))
                #expect(response.status == .badRequest, "\(bad)")
            }
        }
    }
}
