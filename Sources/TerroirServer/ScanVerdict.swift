import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// What the resolver tells someone who scanned a label.
enum ScanVerdict: String, CaseIterable, Sendable {
    /// A serial this brand issued, with its signature, scanned a plausible number of times.
    case genuine
    /// A serial the brand never issued for this GTIN and lot, or a bad signature: a fake.
    case notIssued = "not_issued"
    /// Issued, but scanned so often that copies of the label are likely about.
    case suspicious
    /// A URI without a serial: the product is known, the item cannot be checked.
    case notSerialised = "not_serialised"
    /// Issued, then voided by its issuer (a jammed roll, a misprint): it should not be
    /// on any product.
    case voided

    /// Scans of one serial above which the label is called suspicious.
    static let suspiciousScans = 20

    /// The verdict for an issued, correctly signed serial scanned `scans` times.
    init(issued: IssuedSerial, scans: Int) {
        self = issued.voided ? .voided : scans > Self.suspiciousScans ? .suspicious : .genuine
    }

    var message: LocalizedText {
        switch self {
        case .genuine: LocalizedText(zh: "正品：此标签由品牌签发", en: "Genuine: this label was issued by the brand")
        case .notIssued: LocalizedText(zh: "警告：此标签不是本品牌签发的，可能是假冒", en: "Warning: this label was not issued by this brand; it may be counterfeit")
        case .suspicious: LocalizedText(zh: "可疑：此标签已被扫描很多次，可能被复制", en: "Suspicious: this label has been scanned many times and may have been copied")
        case .notSerialised: LocalizedText(zh: "未带序号：可查看产品信息，但无法验证单件", en: "No serial: the product is known, but this item cannot be verified")
        case .voided: LocalizedText(zh: "已作废：此标签已被签发方作废，不应出现在任何商品上", en: "Voided: the issuer voided this label; it should not be on any product")
        }
    }
}
