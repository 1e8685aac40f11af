import BrandStandards
import Measures
import ProductSpecs

/// A product's columns that take work to write as text: its attributes and report
/// as JSON, its price. An import works them out on a validating thread (as its
/// `ValidatingReader`'s `prepare`), so the thread that writes to the store only binds
/// them. How a column is encoded is the store's business alone.
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

    /// What encodes the columns of an import's products against `standard`: the
    /// clean report's text made once for all of them.
    public static func encoder(for standard: BrandStandard) -> @Sendable (Product, ComplianceReport) -> StoredColumns? {
        let cleanReport = try? ComplianceReport(brandID: standard.id, standardVersion: standard.version, findings: []).storedJSON()
        return { product, report in try? StoredColumns(product: product, report: report, cleanReport: cleanReport) }
    }
}
