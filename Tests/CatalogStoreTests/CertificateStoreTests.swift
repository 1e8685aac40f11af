import BrandStandards
import DigitalLink
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Testing
import TestSupport

/// Certificates in the store: written with their batch in one transaction, read back
/// word for word, voided through their serials, kept two years.
struct CertificateStoreTests {
    static let fields = CertificateFields(
        commitment: .purchaser, basis: .commissionedTest, reportNumber: "WT-88", quantityEntered: "1000斤", quantity: "500 kg",
        productName: LocalizedText(zh: "大闸蟹", en: "Hairy crab"), origin: LocalizedText(zh: "泗洪县", en: "Sihong"),
        issuerName: LocalizedText(zh: "农场", en: "Farm"), issuerUSCC: "91321324MA1N2K3L4H", contact: "0527-1234", issuedOn: "2024-02-29")

    static func issued() throws -> (StoreFixture, CertificateRecord) {
        let fixture = try StoreFixture()
        try fixture.importAll([StoreFixture.crab("CRAB-A", gtin: "6901234567052")])
        let crab = try fixture.store.products()[0].id
        _ = try fixture.store.certify(ids: [crab], actor: "officer")
        let request = LabelBatchRequest(productID: crab, lot: "C1", count: 3, size: "certificate", dpi: 300, format: "pdf", standardVersion: 1, jobJSON: "{}")
        guard case .issued(let batch, _) = try fixture.store.issueLabelBatch(request, certificate: Self.fields, actor: "farm") else {
            throw StoreError.database("refused")
        }
        return (fixture, try #require(try fixture.store.certificate(batchID: batch.id)))
    }

    @Test func aCertificateIsKeptWordForWordBesideItsBatchAndAudited() throws {
        let (fixture, record) = try Self.issued()
        #expect(record.fields == Self.fields)
        #expect(record.copies == 3 && record.lot == "C1" && !record.voided)
        #expect(try fixture.store.certificate(id: record.id) == record)
        #expect(try fixture.store.certificates(brand: "sihong-4x") == [record])
        #expect(try fixture.store.certificates(brand: "yantai-apple").isEmpty)
        #expect(try fixture.store.auditLog().contains { $0.action == "certificates.issue" && $0.subject == "certificate:\(record.id)" })
        // Each copy's serial knows the certificate it belongs to, for the resolver.
        let serial = try #require(try fixture.store.issuedSerial(gtin: GTINTestValue.crab, serial: record.firstSerial + 2))
        #expect(serial.certificateID == record.id)
    }

    @Test func voidingEveryCopyVoidsTheCertificateWithItsReason() throws {
        let (fixture, record) = try Self.issued()
        _ = try fixture.store.voidLabels(batchID: record.batchID, first: record.firstSerial, last: record.firstSerial, reason: "one torn", actor: "farm")
        #expect(try fixture.store.certificate(id: record.id)?.voided == false, "one copy voided is not the certificate voided")
        _ = try fixture.store.voidLabels(batchID: record.batchID, first: record.firstSerial, last: record.firstSerial + 2, reason: "wrong weight", actor: "farm")
        let after = try #require(try fixture.store.certificate(id: record.id))
        #expect(after.voided && after.voidReason == "wrong weight")
    }

    /// Issued on 29 February 2024: kept until 28 February 2026, refused the day before.
    @Test func deletingOneIsRefusedForTwoYears() throws {
        let (fixture, record) = try Self.issued()
        #expect(record.retainedUntil == "2026-02-28")
        #expect(throws: StoreError.certificateRetained(id: record.id, until: "2026-02-28")) {
            try fixture.store.deleteCertificate(id: record.id, actor: "officer", today: CalendarDay("2026-02-27")!)
        }
        #expect(try fixture.store.certificate(id: record.id) != nil)
        try fixture.store.deleteCertificate(id: record.id, actor: "officer", today: CalendarDay("2026-02-28")!)
        #expect(try fixture.store.certificate(id: record.id) == nil)
        #expect(try fixture.store.auditLog().contains { $0.action == "certificates.delete" })
        // Its serials stay issued, never given again.
        #expect(try fixture.store.issuedSerial(gtin: GTINTestValue.crab, serial: record.firstSerial)?.certificateID == nil)
        #expect(try fixture.store.issuedSerial(gtin: GTINTestValue.crab, serial: record.firstSerial) != nil)
        #expect(throws: StoreError.certificateNotFound(record.id)) {
            try fixture.store.deleteCertificate(id: record.id, actor: "officer", today: CalendarDay("2030-01-01")!)
        }
    }
}

enum GTINTestValue {
    static let crab = try! GTIN("6901234567052")
}
