import ArgumentParser
import CatalogStore
import DigitalLink
import Foundation

/// `terroir labels list`: the batches, newest first, and whether each is complete.
struct LabelsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List label batches and whether each is complete.")

    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    struct Row: Encodable {
        let id: Int64, product: Int64, brand: String, gtin: String, lot: String
        let firstSerial: Int64, lastSerial: Int64, count: Int
        let size: String, dpi: Int, format: String, standardVersion: Int
        let issuer: String, issuedAt: String, completedAt: String?, complete: Bool
        /// When the batch was handed off to a print shop, while it is locked.
        let handedOffAt: String?

        enum CodingKeys: String, CodingKey {
            case id, product, brand, gtin, lot, firstSerial = "first_serial", lastSerial = "last_serial", count, size, dpi, format
            case standardVersion = "standard_version", issuer, issuedAt = "issued_at", completedAt = "completed_at", complete
            case handedOffAt = "handed_off_at"
        }
    }

    func run() throws {
        let catalog = try store.open()
        let rows = try catalog.labelBatches().map { batch in
            Row(id: batch.id, product: batch.productID, brand: batch.brandID, gtin: batch.gtin.digits, lot: batch.lot,
                firstSerial: batch.firstSerial, lastSerial: batch.firstSerial + Int64(batch.count) - 1, count: batch.count,
                size: batch.size, dpi: batch.dpi, format: batch.format, standardVersion: batch.standardVersion,
                issuer: batch.issuer, issuedAt: batch.issuedAt, completedAt: batch.completedAt, complete: batch.completedAt != nil,
                handedOffAt: try catalog.labelHandOff(batchID: batch.id)?.at)
        }
        if format == .json { return try JSONOutput.print(rows) }
        if rows.isEmpty { return print("no label batches / 没有标签批次") }
        for row in rows {
            let state = row.handedOffAt.map { "handed off 已交付 \($0)" }
                ?? (row.complete ? "complete 已完成" : "INCOMPLETE 未完成 (terroir labels resume \(row.id) --out DIR)")
            print("batch \(row.id)  \(row.brand)  product \(row.product)  \(row.gtin)  lot \(row.lot)  serials \(row.firstSerial)–\(row.lastSerial) (\(row.count))  "
                + "\(row.format) \(row.size) \(row.dpi) dpi  issued \(row.issuedAt) by \(row.issuer)  \(state)")
        }
    }
}
