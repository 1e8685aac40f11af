/// Writes the catalog in one format: an opening, one piece per product, a closing.
protocol CatalogFormatWriter: AnyObject {
    func begin(_ output: ExportOutput) throws
    func write(_ entry: CatalogEntry, to output: ExportOutput) throws
    func end(_ output: ExportOutput) throws
}
