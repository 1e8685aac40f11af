import BrandStandards
import CatalogStore
import Foundation
import ProductSpecs

/// Writes the exportable catalog (certified products of active producers) in one
/// format, streaming: one product at a time from one snapshot of the store.
public struct CatalogExporter: Sendable {
    private let store: any CatalogStoring
    private let context: ExportContext

    /// Prepares an export from `store`.
    /// - Throws: `StoreError` when the store cannot be read.
    public init(store: any CatalogStoring) throws {
        self.store = store
        self.context = try ExportContext(store: store)
    }

    /// Writes the selected products in `format` to `output`.
    /// - Parameters:
    ///   - forSpreadsheets: for CSV, a UTF-8 byte-order mark (Excel wants one) and digit codes kept as text.
    ///   - progress: called after each product with the count so far.
    /// - Returns: how many products were written, and those the format could not carry,
    ///   each with its reason (never counted as written).
    @discardableResult
    public func export(_ format: ExportFormat, filter: CatalogFilter = CatalogFilter(), forSpreadsheets: Bool = false,
                       to output: ExportOutput, progress: (Int) -> Void = { _ in }) throws -> ExportSummary {
        let writer = makeWriter(format, filter: filter, forSpreadsheets: forSpreadsheets)
        try writer.begin(output)
        // One thread reads and decodes the store's rows; this one writes the format.
        // The shared names (brands, producers) are touched on this thread only, so the
        // two cores do not contend for their reference counts (measured: slower so).
        let channel = BatchChannel<StoredProduct>()
        let store = self.store
        let reading = Thread {
            struct Stop: Error {}
            var batch: [StoredProduct] = []
            do {
                try store.forEachExportableProduct(filter) { stored in
                    batch.append(stored)
                    if batch.count == 256 {
                        guard channel.send(batch) else { throw Stop() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = channel.send(batch) }
                channel.close()
            } catch is Stop {
                channel.close()
            } catch {
                channel.close(failure: error)
            }
        }
        reading.start()
        defer { channel.cancel() }
        var summary = ExportSummary()
        while let batch = try channel.receive() {
            for stored in batch {
                let entry = context.entry(stored)
                if let reason = writer.leftOutReason(entry) {
                    summary.leftOut.append(LeftOutProduct(id: entry.id, sku: entry.product.sku, reason: reason))
                    try writer.writeLeftOut(entry, reason: reason, to: output)
                    continue
                }
                try writer.write(entry, to: output)
                summary.written += 1
                progress(summary.written)
            }
        }
        try writer.end(output)
        try output.flush()
        return summary
    }

    private func makeWriter(_ format: ExportFormat, filter: CatalogFilter, forSpreadsheets: Bool) -> any CatalogFormatWriter {
        switch format {
        case .json: JSONFormat()
        case .ndjson: NDJSONFormat()
        case .csv: CSVFormat(attributeIDs: attributeColumns(filter), forSpreadsheets: forSpreadsheets)
        case .gmcXML:
            // The channel links to the brand's page: the filtered brand, else the first.
            MerchantFeedFormat(channelLink: (filter.brand ?? context.standards.keys.sorted().first).flatMap { brand in
                context.resolverBase(brand: brand).map { CatalogLinks.url(.brand(brand), base: $0) }
            })
        case .jsonld: JSONLDFormat()
        }
    }

    /// Every attribute id of the exported brands' categories, in the standards' order.
    private func attributeColumns(_ filter: CatalogFilter) -> [String] {
        var seen: Set<String> = [], ids: [String] = []
        for (brand, published) in context.standards.sorted(by: { $0.key < $1.key }) where filter.brand == nil || filter.brand == brand {
            for category in published.standard.categories where filter.category == nil || filter.category == category.id {
                for attribute in category.attributes where seen.insert(attribute.id).inserted { ids.append(attribute.id) }
            }
        }
        return ids
    }

    /// The change feed after `sequence` as NDJSON lines: `{"seq":…,"op":"upsert","product":{…}}`
    /// or `{"seq":…,"op":"tombstone","id":…,"brand":…}`.
    /// - Returns: the last sequence written (or `sequence` when there was nothing).
    @discardableResult
    public func writeChanges(after sequence: Int64, limit: Int, brand: String? = nil, to output: ExportOutput) throws -> Int64 {
        var last = sequence
        for change in try store.changes(after: sequence, limit: limit, brand: brand) {
            try output.write(changeLine(change) + "\n")
            last = change.sequence
        }
        try output.flush()
        return last
    }

    /// One change as a JSON object.
    public func changeLine(_ change: CatalogChange) -> String {
        switch change {
        case .upsert(let sequence, let product):
            return "{\"seq\":\(sequence),\"op\":\"upsert\",\"id\":\(product.id),\"product\":\(context.entry(product).canonicalJSON())}"
        case .tombstone(let sequence, let id, let brand):
            var line = "{\"seq\":\(sequence),\"op\":\"tombstone\",\"id\":\(id),\"brand\":"
            line += "\"\(brand)\"}"
            return line
        }
    }
}
