import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import TestSupport
import Testing

/// A certification is an officer's word on a product's compliance data: it is kept
/// through anything that leaves that data as it was.
struct CertificationKeptTests {
    private func certifiedRice(_ fixture: StoreFixture) throws -> StoredProduct {
        try fixture.importAll([StoreFixture.rice("A")])
        let id = try #require(try fixture.store.products().first?.id)
        #expect(try fixture.store.certify(ids: [id], actor: "officer") == [.certified(id)])
        return try #require(try fixture.store.product(reference: String(id)))
    }

    @Test func anUnchangedRowAfterARevalidationWordedDifferentlyStaysCertified() throws {
        let fixture = try StoreFixture()
        let product = try certifiedRice(fixture)
        // Revalidation words the same (passing) report with another place for its notice.
        let reworded = ComplianceReport(brandID: "sihong-4x", standardVersion: "2026.1", findings: [
            Finding(code: "category.requires_approval", severity: .notice, field: "category", location: "/category",
                    message: LocalizedText(zh: "提示", en: "notice")),
        ])
        _ = try fixture.store.applyRevalidation([(product.id, reworded)], standardVersion: fixture.published.number, actor: "publish")
        let before = try fixture.store.changeLog().count
        let again = try fixture.importAll([StoreFixture.rice("A")]).writer
        #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 1))
        #expect(try fixture.store.product(reference: String(product.id))?.product.status == .certified)
        #expect(try fixture.store.changeLog().count == before)
    }

    @Test func aNewPriceOrStockKeepsTheCertificationAndIsAnUpsert() throws {
        let fixture = try StoreFixture()
        let product = try certifiedRice(fixture)
        var input = StoreFixture.rice("A")
        input.fields = input.fields.merging(["price": "61.50", "availability": "out_of_stock"]) { $1 }
        let writer = try fixture.importAll([input]).writer
        #expect(writer.updated == 1)
        let stored = try #require(try fixture.store.product(reference: String(product.id)))
        #expect(stored.product.status == .certified)
        #expect(stored.product.price == Decimal(string: "61.5"))
        #expect(stored.product.availability == .outOfStock)
        let last = try #require(try fixture.store.changeLog().last)
        #expect(last.productID == product.id && last.event == "update" && last.exportable)
    }

    @Test func changedComplianceDataNeedsCertifyingAgain() throws {
        let fixture = try StoreFixture()
        let product = try certifiedRice(fixture)
        try fixture.importAll([StoreFixture.rice("A", moisture: "14.9%")])
        #expect(try fixture.store.product(reference: String(product.id))?.product.status == .compliant)
        #expect(try fixture.store.changeLog().last?.exportable == false)
    }
}
