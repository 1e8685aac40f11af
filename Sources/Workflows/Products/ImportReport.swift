import BrandStandards
import Measures
import ProductSpecs

/// What an import or a validation of a product file found, row by row, and what was
/// written: for people (the batch tool prints it) and machines (`--format json`, the API).
public struct ImportReport: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public let row: Int
        public let sku: String?
        public let findings: [Finding]

        public init(row: Int, sku: String?, findings: [Finding]) {
            self.row = row
            self.sku = sku
            self.findings = findings
        }
    }

    public let file: String
    public let brand: String
    public let standardVersion: String
    public var rows = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var failed: [Row] = []
    public var notices: [Row] = []
    /// How the file was read: its encoding, the columns left out.
    public var fileNotices: [LocalizedText] = []
    public var committed = false
    public var dryRun = false
    /// Only validating (`products validate`): there is no store to write to.
    public var validationOnly = false

    enum CodingKeys: String, CodingKey {
        case file, brand, standardVersion = "standard_version", rows, inserted, updated, unchanged, failed, notices, committed
        case fileNotices = "file_notices"
        case dryRun = "dry_run"
    }

    public init(file: String, brand: String, standardVersion: String, dryRun: Bool = false, validationOnly: Bool = false) {
        self.file = file
        self.brand = brand
        self.standardVersion = standardVersion
        self.dryRun = dryRun
        self.validationOnly = validationOnly
    }

    /// Records one row's outcome; `true` when the row can be written.
    public mutating func record(row: Int, input: ProductInput, report: ComplianceReport) -> Bool {
        rows += 1
        // Most rows have nothing to report.
        if report.findings.isEmpty { return true }
        let sku = input.field(.sku)
        if !report.isCompliant {
            failed.append(Row(row: row, sku: sku, findings: report.findings))
            return false
        }
        let notes = report.findings.filter { $0.severity == .notice }
        if !notes.isEmpty { notices.append(Row(row: row, sku: sku, findings: notes)) }
        return true
    }
}
