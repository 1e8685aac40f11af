import CatalogExport
import CatalogStore
import Foundation
import ProductSpecs
import TestSupport
import Testing

/// A small deterministic random generator (SplitMix64), so a failing seed replays.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct ChangeFeedPropertyTests {
    /// The export as id → canonical JSON.
    static func exported(_ store: CatalogStore) throws -> [Int64: String] {
        var lines: [String] = []
        let output = ExportOutput { bytes in lines.append(contentsOf: String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)) }
        try CatalogExporter(store: store).export(.ndjson, to: output)
        var byID: [Int64: String] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byID[(object["id"] as! NSNumber).int64Value] = line
        }
        return byID
    }

    /// A platform that keeps a copy of the catalog by pulling the feed in pages.
    struct Platform {
        var catalog: [Int64: String] = [:]
        var after: Int64 = 0

        /// Pulls every change after the last one seen.
        mutating func sync(_ store: CatalogStore, pageSize: Int) throws {
            let exporter = try CatalogExporter(store: store)
            while true {
                let page = try store.changes(after: after, limit: pageSize)
                guard let last = page.last else { return }
                for change in page {
                    switch change {
                    case .upsert(_, let product):
                        let object = try JSONSerialization.jsonObject(with: Data(exporter.changeLine(change).utf8)) as! [String: Any]
                        let productJSON = try JSONSerialization.data(withJSONObject: object["product"]!, options: [.sortedKeys])
                        catalog[product.id] = String(decoding: productJSON, as: UTF8.self)
                    case .tombstone(_, let id, _):
                        catalog[id] = nil
                    }
                }
                after = last.sequence
            }
        }
    }

    static func normalised(_ catalog: [Int64: String]) throws -> [Int64: String] {
        try catalog.mapValues { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    @Test(arguments: 1...12)
    func replayingTheFeedGivesTheExport(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let fixture = try StoreFixture()
        let store = fixture.store
        var skus = 0
        var following = Platform()
        for _ in 0..<40 {
            let ids = try store.products().map(\.id)
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1, 2:
                skus += 1
                let producer = Bool.random(using: &random) ? "farm" : "mill"
                let moisture = Bool.random(using: &random) ? "14%" : "14.5%"
                try fixture.importAll([StoreFixture.rice("S\(skus)", producer: producer, moisture: moisture)])
            case 3:
                guard let id = ids.randomElement(using: &random), let stored = try store.product(reference: String(id)) else { continue }
                try fixture.importAll([StoreFixture.rice(stored.product.sku, producer: stored.product.producerID, netContent: "\(Int.random(in: 1...20, using: &random))斤")])
            case 4, 5:
                _ = try store.certify(ids: ids.filter { _ in Bool.random(using: &random) }, actor: "officer")
            case 6:
                if let id = ids.randomElement(using: &random) { _ = try store.withdraw(ids: [id], reason: "test", actor: "producer") }
            case 7:
                let producer = Bool.random(using: &random) ? "farm" : "mill"
                let status = try store.producer(id: producer)?.status
                if status == .active {
                    _ = try store.changeProducerStatus(id: producer, to: .suspended, reason: "audit", actor: "officer")
                } else if status == .suspended {
                    _ = try store.changeProducerStatus(id: producer, to: .active, reason: nil, actor: "officer")
                }
            case 8:
                if let id = ids.randomElement(using: &random) { try store.deleteProduct(id: id, actor: "officer") }
            default:
                _ = try store.certify(ids: ids, actor: "officer")
            }
            // One platform follows the feed as it grows.
            try following.sync(store, pageSize: Int.random(in: 1...5, using: &random))
        }
        let expected = try Self.normalised(try Self.exported(store))
        // Its copy, and copies replayed from zero in pages of any size, are the export.
        try following.sync(store, pageSize: 2)
        #expect(following.catalog == expected, "seed \(seed): the platform that followed the feed")
        for pageSize in [1, 3, 1000] {
            var fresh = Platform()
            try fresh.sync(store, pageSize: pageSize)
            #expect(fresh.catalog == expected, "seed \(seed), replayed in pages of \(pageSize)")
        }
    }

    @Test func aPageWalkUnderConcurrentWritesNeitherSkipsNorRepeats() throws {
        let fixture = try StoreFixture()
        try fixture.importAll((1...40).map { StoreFixture.rice("P\($0)") })
        _ = try fixture.store.certify(ids: try fixture.store.products().map(\.id), actor: "officer")
        let before = Set(try fixture.store.exportablePage(after: 0, limit: 1000).map(\.id))

        var seen: [Int64] = [], cursor = CatalogCursor.start, extra = 0
        var removed: Set<Int64> = []
        while true {
            let page = try fixture.store.exportablePage(after: cursor.after, limit: 7)
            guard let last = page.last else { break }
            seen += page.map(\.id)
            cursor = CatalogCursor(token: CatalogCursor(after: last.id).token)!
            // Between pages, a platform's world changes: new products, withdrawals
            // (for the first pages only, or the walk would chase the newest forever).
            guard extra < 8 else { continue }
            extra += 1
            try fixture.importAll([StoreFixture.rice("NEW\(extra)")])
            _ = try fixture.store.certify(ids: try fixture.store.products(status: .compliant).map(\.id), actor: "officer")
            if let victim = before.subtracting(removed).subtracting(seen).randomElement() {
                _ = try fixture.store.withdraw(ids: [victim], reason: nil, actor: "producer")
                removed.insert(victim)
            }
        }
        let throughout = before.subtracting(removed)
        #expect(Set(seen).isSuperset(of: throughout))
        #expect(seen.count == Set(seen).count, "an item was repeated")
    }

    @Test func cursorsRoundTripAndForeignOnesAreRefused() {
        #expect(CatalogCursor(token: CatalogCursor(after: 12345).token) == CatalogCursor(after: 12345))
        #expect(CatalogCursor(token: "not-a-cursor") == nil)
        #expect(CatalogCursor(token: Data("v2:5".utf8).base64EncodedString()) == nil)
        #expect(CatalogCursor(token: Data("v1:-5".utf8).base64EncodedString()) == nil)
    }
}
