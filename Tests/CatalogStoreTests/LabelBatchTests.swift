import CatalogStore
import Measures
import DigitalLink
import Foundation
import ProductSpecs
import Testing
import TestSupport

/// Label batches: refused for what may not be labelled, serials contiguous and never
/// given twice, every batch audited.
struct LabelBatchTests {
    static func request(_ productID: Int64, count: Int = 10, lot: String = "L1") -> LabelBatchRequest {
        LabelBatchRequest(productID: productID, lot: lot, count: count, size: "60x40", dpi: 300, format: "png", standardVersion: 1, jobJSON: "{}")
    }

    /// A fixture with one certified rice product with a GTIN, and one compliant one.
    static func fixture() throws -> (StoreFixture, certified: Int64, compliant: Int64) {
        let fixture = try StoreFixture()
        var certified = StoreFixture.rice("RICE-A"), compliant = StoreFixture.rice("RICE-B")
        certified.fields["gtin"] = "6901234567014"
        compliant.fields["gtin"] = "6901234567021"
        try fixture.importAll([certified, compliant])
        let ids = try fixture.store.products().map(\.id)
        _ = try fixture.store.certify(ids: [ids[0]], actor: "officer")
        return (fixture, ids[0], ids[1])
    }

    @Test func serialsAreContiguousAndNeverGivenTwice() throws {
        let (fixture, certified, _) = try Self.fixture()
        var seen: [Int64] = []
        for count in [10, 1, 250] {
            guard case .issued(let batch, let key) = try fixture.store.issueLabelBatch(Self.request(certified, count: count), actor: "producer") else {
                Issue.record("refused")
                return
            }
            #expect(batch.count == count && key.count == 32)
            #expect(batch.firstSerial == (seen.last ?? 0) + 1)
            seen += Array(batch.serials)
        }
        #expect(Set(seen).count == seen.count && seen.count == 261)
        // Another lot of the same GTIN goes on counting: a serial is unique per GTIN.
        guard case .issued(let other, _) = try fixture.store.issueLabelBatch(Self.request(certified, lot: "L2"), actor: "producer") else {
            Issue.record("refused")
            return
        }
        #expect(other.firstSerial == 262)
        #expect(try fixture.store.issuedSerial(gtin: other.gtin, serial: 262)?.batchID == other.id)
        #expect(try fixture.store.issuedSerial(gtin: other.gtin, serial: 262)?.lot == "L2")
        #expect(try fixture.store.issuedSerial(gtin: other.gtin, serial: 300) == nil)
        #expect(try fixture.store.auditLog().filter { $0.action == "labels.issue" }.count == 4)
        #expect(try fixture.store.labelBatches().count == 4)
    }

    /// Voiding: serials leave the genuine set for good, each voided once (a range over
    /// serials voided before counts only the new ones, and one with nothing new writes
    /// nothing), and only serials the batch issued.
    @Test func voidedSerialsAreVoidedOnceAndOnlyInTheirBatch() throws {
        let (fixture, certified, _) = try Self.fixture()
        guard case .issued(let batch, _) = try fixture.store.issueLabelBatch(Self.request(certified, count: 10), actor: "producer") else {
            Issue.record("refused")
            return
        }
        let store = fixture.store
        #expect(try store.voidLabels(batchID: batch.id, first: 3, last: 5, reason: "jammed roll", actor: "farm") == 3)
        #expect(try store.voidLabels(batchID: batch.id, first: 5, last: 7, reason: "misprint", actor: "farm") == 2)
        let audited = try store.auditLog().filter { $0.action == "labels.void" }
        let latest = audited.first?.details ?? ""
        #expect(audited.count == 2 && latest.contains(#""voided":"2""#) && latest.contains(#""serials":"5-7""#), "\(latest)")
        let version = try store.dataVersion()
        #expect(try store.voidLabels(batchID: batch.id, first: 4, last: 6, reason: "again", actor: "farm") == 0)
        #expect(try store.dataVersion() == version, "voiding voided serials wrote")
        #expect(try store.voidedSerials(batchID: batch.id) == [3...7])
        #expect(try store.issuedSerial(gtin: batch.gtin, serial: 4)?.voided == true)
        #expect(try store.issuedSerial(gtin: batch.gtin, serial: 8)?.voided == false)
        #expect(try store.issuedSerial(gtin: batch.gtin, serial: 2)?.voided == false)
        #expect(throws: StoreError.serialsOutsideBatch(batch: batch.id, serials: "9-11", held: "1-10")) {
            try store.voidLabels(batchID: batch.id, first: 9, last: 11, reason: "x", actor: "farm")
        }
        #expect(throws: StoreError.labelBatchNotFound(99)) { try store.voidLabels(batchID: 99, first: 1, last: 1, reason: "x", actor: "farm") }
        #expect(try store.voidedSerials(batchID: batch.id) == [3...7], "a refused void wrote")
    }

    /// The mark ledger adds up: every issued serial is printed or not yet printed; a
    /// batch counts as printed when its files are all written, a serial when its file
    /// is produced on its own; voids and scans are counted within their batch.
    @Test func theLedgerAddsUp() throws {
        let (fixture, certified, _) = try Self.fixture()
        let store = fixture.store
        guard case .issued(let written, _) = try store.issueLabelBatch(Self.request(certified, count: 10), actor: "p"),
              case .issued(let cut, _) = try store.issueLabelBatch(Self.request(certified, count: 5, lot: "L2"), actor: "p") else {
            Issue.record("refused")
            return
        }
        try store.completeLabelBatch(id: written.id)
        try store.completeLabelBatch(id: written.id)  // again: printed once
        try store.recordPrinted(batchID: cut.id, serial: 12)
        try store.recordPrinted(batchID: cut.id, serial: 12)
        try store.recordPrinted(batchID: cut.id, serial: 99)  // not in the batch: nothing
        _ = try store.voidLabels(batchID: written.id, first: 9, last: 10, reason: "jammed roll", actor: "p")
        let now = written.issuedAt
        try store.addScans([("06901234567014", "L1", "1", 3), ("06901234567014", "L1", "2", 1), ("06901234567014", "L2", "12", 1),
                            ("06901234567014", "L1", "12", 5)].map { ScanBatchItem(gtin: $0.0, lot: $0.1, serial: $0.2, count: $0.3, at: now) },
                           // serial 12 of lot L1 was never issued: not counted as a scan of a label, but as attempts
                           attempts: [CounterfeitAttempt(gtin: "06901234567014", lot: "L1", serial: "12", kind: .wrongLot, at: now),
                                      CounterfeitAttempt(gtin: "06901234567014", lot: "L1", serial: "999", kind: .neverIssued, at: now),
                                      CounterfeitAttempt(gtin: "06909999999990", lot: "L1", serial: "1", kind: .neverIssued, at: now)])
        let lines = try store.ledger(brand: "sihong-4x", year: Int(String(written.issuedAt.prefix(4)))!)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.batches == 2 && line.issued == 15 && line.printed == 11 && line.notPrinted == 4 && line.issued == line.printed + line.notPrinted)
        #expect(line.voided == 2 && line.scanned == 3 && line.scans == 5)
        #expect(line.counterfeitAttempts == 2)  // the other GTIN's is not this product's
        #expect(try store.printedSerials(batchID: written.id) == [1...10] && store.printedSerials(batchID: cut.id) == [12...12])
        #expect(try store.ledger(brand: "sihong-4x", year: 1999).isEmpty)
    }

    /// A hand-off locks the manifest it names, once; another manifest is refused while
    /// locked; an unlock lifts it once, and each is audited.
    @Test func aHandOffLocksItsManifestUntilUnlocked() throws {
        let (fixture, certified, _) = try Self.fixture()
        let store = fixture.store
        guard case .issued(let batch, _) = try store.issueLabelBatch(Self.request(certified, count: 3), actor: "p") else {
            Issue.record("refused")
            return
        }
        let first = try store.handOffLabelBatch(id: batch.id, manifestSHA256: "aa", actor: "farm")
        #expect(first.new && first.handOff.manifestSHA256 == "aa")
        let version = try store.dataVersion()
        #expect(try store.handOffLabelBatch(id: batch.id, manifestSHA256: "aa", actor: "farm").new == false)
        #expect(try store.dataVersion() == version, "handing off the same package again wrote")
        #expect(throws: StoreError.labelBatchHandedOff(batch: batch.id, at: first.handOff.at)) {
            try store.handOffLabelBatch(id: batch.id, manifestSHA256: "bb", actor: "farm")
        }
        #expect(try store.labelHandOff(batchID: batch.id) == first.handOff)
        #expect(try store.unlockLabelBatch(id: batch.id, reason: "reprint", actor: "officer") == first.handOff)
        #expect(try store.unlockLabelBatch(id: batch.id, reason: "again", actor: "officer") == nil)
        #expect(try store.labelHandOff(batchID: batch.id) == nil)
        #expect(try store.handOffLabelBatch(id: batch.id, manifestSHA256: "bb", actor: "farm").new)
        #expect(try store.auditLog().map(\.action).filter { $0.hasPrefix("labels.") } == ["labels.hand_off", "labels.unlock", "labels.hand_off", "labels.issue"])
        #expect(throws: StoreError.labelBatchNotFound(99)) { try store.handOffLabelBatch(id: 99, manifestSHA256: "aa", actor: "farm") }
    }

    @Test func theBrandKeepsOneKey() throws {
        let (fixture, certified, _) = try Self.fixture()
        guard case .issued(let first, let key) = try fixture.store.issueLabelBatch(Self.request(certified), actor: "p"),
              case .issued(let second, let again) = try fixture.store.issueLabelBatch(Self.request(certified), actor: "p") else {
            Issue.record("refused")
            return
        }
        #expect(key == again && first.keyID == second.keyID)
        #expect(try fixture.store.labelBatch(id: first.id)?.key == key)
    }

    @Test func anUncertifiedProductIsRefusedWithTheReasonAndNoSerialIsSpent() throws {
        let (fixture, certified, compliant) = try Self.fixture()
        guard case .refused(let reasons) = try fixture.store.issueLabelBatch(Self.request(compliant), actor: "p") else {
            Issue.record("issued for an uncertified product")
            return
        }
        #expect(reasons.contains { $0.en.contains("only for certified products") })
        #expect(try fixture.store.labelBatches().isEmpty)
        guard case .issued(let batch, _) = try fixture.store.issueLabelBatch(Self.request(certified), actor: "p") else {
            Issue.record("the certified product was refused too")
            return
        }
        #expect(batch.firstSerial == 1)
    }

    @Test func aSuspendedProducerGetsNoLabels() throws {
        let (fixture, certified, _) = try Self.fixture()
        _ = try fixture.store.changeProducerStatus(id: "farm", to: .suspended, reason: "moisture fraud", actor: "officer")
        guard case .refused(let reasons) = try fixture.store.issueLabelBatch(Self.request(certified), actor: "p") else {
            Issue.record("issued for a suspended producer")
            return
        }
        #expect(reasons.contains { $0.en.contains("producer “farm” is suspended") })
    }

    @Test func aCountOutOfRangeIsRefused() throws {
        let (fixture, certified, _) = try Self.fixture()
        guard case .refused(let reasons) = try fixture.store.issueLabelBatch(Self.request(certified, count: 0), actor: "p") else {
            Issue.record("issued an empty batch")
            return
        }
        #expect(reasons.contains { $0.en.contains("count") })
    }
}
