import Measures

/// Writes the catalog in one format: an opening, one piece per product, a closing.
protocol CatalogFormatWriter: AnyObject {
    func begin(_ output: ExportOutput) throws
    func write(_ entry: CatalogEntry, to output: ExportOutput) throws
    func end(_ output: ExportOutput) throws
    /// Why the format cannot carry this product (a feed that needs a price, say);
    /// `nil` for every product of most formats.
    func leftOutReason(_ entry: CatalogEntry) -> LocalizedText?
    /// Notes in the output itself that a product was left out, where the format can.
    func writeLeftOut(_ entry: CatalogEntry, reason: LocalizedText, to output: ExportOutput) throws
}

extension CatalogFormatWriter {
    func leftOutReason(_ entry: CatalogEntry) -> LocalizedText? { nil }
    func writeLeftOut(_ entry: CatalogEntry, reason: LocalizedText, to output: ExportOutput) throws {}
}
