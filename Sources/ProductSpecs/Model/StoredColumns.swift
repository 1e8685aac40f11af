import Measures

/// A product's columns that take work to write as text: its attributes and report
/// as JSON, its price. An import works them out on a validating thread, so the
/// thread that writes to the store only binds them.
public struct StoredColumns: Sendable {
    public let attributes: String
    public let report: String
    public let price: String?

    /// Encodes a validated product's columns.
    /// - Parameter cleanReport: the stored text of a report without findings against
    ///   the same standard, when the caller has it at hand: most rows of an import
    ///   share it.
    /// - Throws: only if a report with findings cannot be encoded.
    public init(product: Product, report: ComplianceReport, cleanReport: String? = nil) throws {
        attributes = AttributeValue.storedText(product.attributes)
        self.report = try (report.findings.isEmpty ? cleanReport : nil) ?? report.storedJSON()
        price = product.price?.plainText
    }
}
