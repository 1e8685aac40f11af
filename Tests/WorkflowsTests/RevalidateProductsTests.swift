import CatalogStore
import Foundation
import ProductSpecs
import TestSupport
import Testing
import Workflows

/// Validating a brand's products again stores what changed, and only that.
struct RevalidateProductsTests {
    static let officer = Actor(role: .officer, scope: ["sihong-4x"], name: "officer")

    @Test func productsFoundAsTheyWereAreLeftAsTheyAre() throws {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.rice("RICE-A"), StoreFixture.rice("RICE-B")])
        let before = try fixture.store.products().map(\.updatedAt)
        // A second apart: a rewrite would show in the time.
        Thread.sleep(forTimeInterval: 1.1)
        let result = try RevalidateProducts(store: fixture.store).run(.init(brand: "sihong-4x"), as: Self.officer)
        #expect(result.validated == 2 && result.changes.isEmpty)
        #expect(try fixture.store.products().map(\.updatedAt) == before, "products found as they were were written again")
    }

    @Test func aProducerThatLostItsCategoryTakesItsProductsOffTheCatalog() throws {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.rice("RICE-A")])
        var farm = try #require(try fixture.store.producer(id: "farm"))
        farm.authorisations["sihong-4x"] = ["hairy-crab"]
        _ = try fixture.store.saveProducers([farm], actor: "test")
        let result = try RevalidateProducts(store: fixture.store).run(.init(brand: "sihong-4x"), as: Self.officer)
        #expect(result.changes.map(\.to) == [.nonCompliant])
        #expect(try fixture.store.products().first?.product.status == .nonCompliant)
    }
}
