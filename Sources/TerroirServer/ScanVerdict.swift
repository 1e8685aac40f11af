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
    /// Issued by the brand, but the product is not certified now (withdrawn, or its
    /// producer suspended or revoked): the label is real, the brand no longer vouches.
    case notCertified = "not_certified"

    /// The verdict for an issued, correctly signed serial of `product` scanned `scans`
    /// times, under the brand's threshold for suspicious scans.
    init(issued: IssuedSerial, scans: Int, product: StoredProduct, rules: ResolverRules) {
        self = issued.voided ? .voided
            : !product.exportable ? .notCertified
            : scans > rules.suspiciousScans ? .suspicious : .genuine
    }

    var message: LocalizedText {
        switch self {
        case .genuine: LocalizedText(zh: "正品：此标签由品牌签发", en: "Genuine: this label was issued by the brand")
        case .notIssued: LocalizedText(zh: "警告：此标签不是本品牌签发的，可能是假冒", en: "Warning: this label was not issued by this brand; it may be counterfeit")
        case .suspicious: LocalizedText(zh: "可疑：此标签已被扫描很多次，可能被复制", en: "Suspicious: this label has been scanned many times and may have been copied")
        case .notSerialised: LocalizedText(zh: "未带序号：可查看产品信息，但无法验证单件", en: "No serial: the product is known, but this item cannot be verified")
        case .voided: LocalizedText(zh: "已作废：此标签已被签发方作废，不应出现在任何商品上", en: "Voided: the issuer voided this label; it should not be on any product")
        case .notCertified: LocalizedText(zh: "未获认证：此标签由品牌签发，但该产品目前不在认证目录中（已撤回，或生产者被暂停、撤销），品牌不再为其担保",
                                         en: "Not certified: the brand issued this label, but the product is not certified now (withdrawn, or its producer suspended or revoked); the brand no longer vouches for it")
        }
    }

    /// Why a code is counterfeit, for the person who scanned it.
    static func reason(_ kind: CounterfeitKind) -> LocalizedText {
        switch kind {
        case .neverIssued: LocalizedText(zh: "品牌从未为此产品签发这个序号", en: "the brand never issued this serial for this product")
        case .wrongLot: LocalizedText(zh: "这个序号属于另一个批次，与标签上的批次不符", en: "this serial belongs to another lot than the label names")
        case .forgedSignature: LocalizedText(zh: "二维码的签名与品牌签发的不符", en: "the code's signature is not the one the brand issued")
        }
    }
}
