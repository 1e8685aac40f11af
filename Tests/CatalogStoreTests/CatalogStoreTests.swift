import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import TestSupport
import Testing

struct CatalogStoreTests {
    @Test func publishingTheSameStandardAgainChangesNothing() throws {
        let fixture = try StoreFixture()
        guard case .unchanged(let current) = try fixture.store.publish(StoreFixture.standard(), actor: "test") else {
            Issue.record("a second version was stored")
            return
        }
        #expect(current.number == 1)
        var changed = StoreFixture.standard()
        changed.labels.colours["primary"] = "#112233"
        // Other content under a version already published is refused, not stored.
        guard case .refused = try fixture.store.publish(changed, actor: "test") else {
            Issue.record("other content under the same version was not refused")
            return
        }
        changed.version = "2099.1"
        guard case .published(let second) = try fixture.store.publish(changed, actor: "test") else {
            Issue.record("the changed standard was not stored")
            return
        }
        #expect(second.number == 2)
        #expect(try fixture.store.standard(brand: "sihong-4x", number: 1)?.standard.version == StoreFixture.standard().version)
    }

    @Test func aFailedAllOrNothingImportLeavesTheStoreUnchanged() throws {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.rice("A")])
        let before = try fixture.store.changeLog().count
        let (_, committed) = try fixture.importAll([StoreFixture.rice("B"), StoreFixture.rice("C", moisture: "19%"), StoreFixture.rice("D")])
        #expect(!committed)
        #expect(try fixture.store.products().map(\.product.sku) == ["A"])
        #expect(try fixture.store.changeLog().count == before)
    }

    @Test func importingAgainUpdatesInPlace() throws {
        let fixture = try StoreFixture()
        let first = try fixture.importAll([StoreFixture.rice("A"), StoreFixture.rice("B")]).writer
        #expect((first.inserted, first.updated, first.unchanged) == (2, 0, 0))
        // Every insert has its change-log row, written with the import.
        let inserted = try fixture.store.products().map(\.id)
        #expect(try fixture.store.changeLog().map { "\($0.event) \($0.productID) \($0.exportable)" } == inserted.map { "insert \($0) false" })
        let again = try fixture.importAll([StoreFixture.rice("A"), StoreFixture.rice("B", netContent: "10斤")]).writer
        #expect((again.inserted, again.updated, again.unchanged) == (0, 1, 1))
        #expect(try fixture.store.changeLog().map(\.event) == ["insert", "insert", "update"])
        let products = try fixture.store.products()
        #expect(products.count == 2)
        #expect(products[1].product.attribute("net_content")?.entered == "10斤")
    }

    @Test func theSameSkuTwiceInOneImportIsADuplicate() throws {
        let fixture = try StoreFixture()
        let validator = try fixture.validator()
        let outcome = validator.validate(StoreFixture.rice("A"))
        let effects = try fixture.store.importProducts(brand: "sihong-4x", standardVersion: 1, actor: "t", source: "t") { writer in
            let first = try writer.upsert(outcome.product!, report: outcome.report)
            let second = try writer.upsert(outcome.product!, report: outcome.report)
            #expect(first == .inserted && second == .duplicate)
            return true
        }
        #expect(effects.committed)

        // An existing product given after new ones is written, then a duplicate the
        // second time; so is a new one.
        let b = validator.validate(StoreFixture.rice("B"))
        _ = try fixture.store.importProducts(brand: "sihong-4x", standardVersion: 1, actor: "t", source: "t") { writer in
            let results = try [b, outcome, outcome, b].map { try writer.upsert($0.product!, report: $0.report) }
            #expect(results == [.inserted, .unchanged, .duplicate, .duplicate])
            return true
        }
    }

    @Test func suspendingTakesProductsOutOfTheCatalogAndReinstatingBringsThemBack() throws {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.rice("A"), StoreFixture.rice("B", producer: "mill")])
        let ids = try fixture.store.products().map(\.id)
        #expect(try fixture.store.certify(ids: ids, actor: "officer") == ids.map { .certified($0) })
        #expect(try fixture.store.productCounts().exportable == 2)

        #expect(try fixture.store.changeProducerStatus(id: "farm", to: .suspended, reason: "spot check failed", actor: "officer") == 1)
        #expect(try fixture.store.productCounts().exportable == 1)
        #expect(try fixture.store.products(producer: "farm").allSatisfy { !$0.exportable })
        let last = try #require(try fixture.store.changeLog().last)
        #expect(last.event == "status" && !last.exportable)

        #expect(try fixture.store.changeProducerStatus(id: "farm", to: .active, reason: nil, actor: "officer") == 1)
        #expect(try fixture.store.productCounts().exportable == 2)
        #expect(try fixture.store.changeLog().last?.exportable == true)

        let actions = try fixture.store.auditLog(subject: "producer:farm").map(\.action)
        #expect(actions.prefix(2) == ["producer.reinstate", "producer.suspend"])
        #expect(try fixture.store.producerHistory(id: "farm").map(\.to) == [.active, .suspended, .active])
    }

    @Test func aRevokedProducerIsNeverReinstated() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.changeProducerStatus(id: "mill", to: .revoked, reason: "forged labels", actor: "officer")
        #expect(throws: StoreError.invalidTransition(subject: "producer mill", from: "revoked", to: "active")) {
            try fixture.store.changeProducerStatus(id: "mill", to: .active, reason: nil, actor: "officer")
        }
    }

    @Test func onlyCompliantProductsOfActiveProducersAreCertified() throws {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.rice("A"), StoreFixture.rice("B", producer: "mill")])
        let products = try fixture.store.products()
        _ = try fixture.store.changeProducerStatus(id: "mill", to: .suspended, reason: "audit", actor: "officer")
        let results = try fixture.store.certify(ids: products.map(\.id) + [999], actor: "officer")
        #expect(results.first == .certified(products[0].id))
        guard case .refused = results[1], case .refused = results[2] else {
            Issue.record("expected refusals, got \(results)")
            return
        }
        #expect(try fixture.store.auditLog().contains { $0.action == "product.certify" && $0.actor == "officer" })
    }

    @Test func aStricterStandardMakesProductsNonCompliant() throws {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.rice("A", moisture: "15%"), StoreFixture.rice("B", moisture: "14%")])
        _ = try fixture.store.certify(ids: try fixture.store.products().map(\.id), actor: "officer")

        var stricter = StoreFixture.standard()
        let rice = stricter.categories.firstIndex { $0.id == "rice" }!
        let moisture = stricter.categories[rice].attributes.firstIndex { $0.id == "moisture" }!
        stricter.categories[rice].attributes[moisture].max = .quantity(try .init(parsing: "14.5%"))
        stricter.version = "2026.2"
        guard case .published(let published) = try fixture.store.publish(stricter, actor: "officer") else { return }

        let validator = ProductValidator(standard: published.standard, today: CalendarDay("2026-11-29")!) { id in
            try? fixture.store.producer(id: id)
        }
        let results = try fixture.store.products().map { ($0.id, validator.validate(ProductInput(product: $0.product)).report) }
        let transitions = try fixture.store.applyRevalidation(results.map { (id: $0.0, report: $0.1) }, standardVersion: published.number, actor: "officer")
        #expect(transitions.map(\.sku) == ["A"])
        #expect(transitions.first?.to == .nonCompliant)
        #expect(try fixture.store.product(reference: "farm/A")?.exportable == false)
        #expect(try fixture.store.product(reference: "farm/B")?.standardVersion == 2)
    }
}
