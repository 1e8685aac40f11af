import BrandStandards
import Measures

/// What a commitment certificate says, as it is printed: the store keeps these words,
/// not the product as it may later read.
public struct CertificateFields: Sendable, Equatable, Codable {
    public var commitment: CertificateCommitment
    public var basis: CertificateBasis
    /// The test report's number, for a tested basis.
    public var reportNumber: String?
    /// The quantity as the producer typed it (`1000斤`).
    public var quantityEntered: String
    /// The quantity in legal units, as printed (`500 kg`).
    public var quantity: String
    public var productName: LocalizedText
    public var origin: LocalizedText
    public var issuerName: LocalizedText
    public var issuerUSCC: String
    public var contact: String
    /// The date of issue, `YYYY-MM-DD`.
    public var issuedOn: String

    enum CodingKeys: String, CodingKey {
        case commitment, basis, reportNumber = "report_number", quantityEntered = "quantity_entered", quantity
        case productName = "product_name", origin, issuerName = "issuer_name", issuerUSCC = "issuer_uscc", contact, issuedOn = "issued_on"
    }

    public init(commitment: CertificateCommitment, basis: CertificateBasis, reportNumber: String?, quantityEntered: String, quantity: String,
                productName: LocalizedText, origin: LocalizedText, issuerName: LocalizedText, issuerUSCC: String, contact: String, issuedOn: String) {
        self.commitment = commitment
        self.basis = basis
        self.reportNumber = reportNumber
        self.quantityEntered = quantityEntered
        self.quantity = quantity
        self.productName = productName
        self.origin = origin
        self.issuerName = issuerName
        self.issuerUSCC = issuerUSCC
        self.contact = contact
        self.issuedOn = issuedOn
    }
}
