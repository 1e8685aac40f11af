/// Every finding of one validation, in a deterministic order: product fields first,
/// then attributes in the standard's order, then unknown attributes by name.
public struct ComplianceReport: Equatable, Sendable, Codable {
    /// The brand the product was validated against.
    public var brandID: String
    /// The standard's version (as its owner numbers it).
    public var standardVersion: String
    /// Every finding.
    public var findings: [Finding]

    /// Creates a report.
    public init(brandID: String, standardVersion: String, findings: [Finding]) {
        self.brandID = brandID
        self.standardVersion = standardVersion
        self.findings = findings
    }

    /// Whether the product meets the standard (notices do not count against it).
    public var isCompliant: Bool { !findings.contains { $0.severity == .error } }

    /// The findings' codes, in order.
    public var codes: [String] { findings.map(\.code) }

    enum CodingKeys: String, CodingKey {
        case brandID = "brand", standardVersion = "standard_version", findings
    }
}
