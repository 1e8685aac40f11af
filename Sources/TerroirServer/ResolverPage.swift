import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// The page a consumer sees after scanning a label: small, for phones, in Chinese and
/// English, with the verdict first.
struct ResolverPage {
    let entry: CatalogEntry
    let stored: StoredProduct
    let verdict: ScanVerdict
    let scans: Int
    let uri: DigitalLinkURI
    /// The commitment certificate the scanned code is a copy of, when it is one.
    var certificate: CertificateRecord? = nil

    /// The verdict as it reads for what was scanned: a label, or a certificate's copy.
    var headline: LocalizedText {
        guard certificate != nil else { return verdict.message }
        return switch verdict {
        case .genuine: LocalizedText(zh: "有效：此承诺达标合格证由生产者开具，二维码经品牌签名", en: "Valid: this commitment certificate was issued by its producer, its code signed by the brand")
        case .voided: LocalizedText(zh: "已作废：此合格证已被开具方作废，不能作为合格证明", en: "Voided: the issuer voided this certificate; it proves nothing")
        default: verdict.message
        }
    }

    var html: String {
        let product = stored.product
        let colour = switch verdict {
        case .genuine: "#1F6F3F"
        case .notIssued, .voided: "#B3261E"
        case .suspicious: "#B26A00"
        case .notSerialised: "#44546A"
        }
        let certified = stored.exportable
            ? "已认证 Certified" : "未认证或已暂停 Not certified or suspended (\(product.status.rawValue))"
        var rows: [(String, String)] = [
            ("品牌 Brand", "\(entry.brandName.zh) / \(entry.brandName.en) · 标准 standard \(entry.standardLabel) (v\(entry.standardNumber))"),
            ("生产者 Producer", (entry.producerName.map { "\($0.zh) / \($0.en)" }) ?? product.producerID),
            ("产地 Origin", (entry.placeName.map { "\($0.zh) / \($0.en)" }) ?? (product.origin?.digits ?? "—")),
            ("认证 Certification", certified),
            ("GTIN", uri.gtin.digits),
        ]
        if let lot = uri.lot { rows.append(("批次 Lot", lot)) }
        if let serial = uri.serial { rows.append(("序号 Serial", serial)) }
        if scans > 0 { rows.append(("扫描次数 Scans", String(scans))) }
        let table = Self.table(rows)
        let certificateSection = certificate.map(Self.certificateSection) ?? ""
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escaped(product.name.zh)) · \(Self.escaped(entry.brandName.zh))</title>
            <style>body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;padding:1rem;max-width:36rem}
            .verdict{background:\(colour);color:#fff;padding:1rem;border-radius:.5rem;font-size:1.1rem}
            table{border-collapse:collapse;width:100%;margin-top:1rem}th{text-align:left;color:#555;padding:.4rem;width:35%;vertical-align:top}td{padding:.4rem}</style>
            </head><body>
            <div class="verdict" data-verdict="\(verdict.rawValue)"><strong>\(Self.escaped(headline.zh))</strong><br>\(Self.escaped(headline.en))</div>
            <h1>\(Self.escaped(product.name.zh))</h1><p>\(Self.escaped(product.name.en))</p>
            <table>
            \(table)
            </table>
            \(certificateSection)</body></html>

            """
    }

    static func table(_ rows: [(String, String)]) -> String {
        rows.map { "<tr><th>\(escaped($0.0))</th><td>\(escaped($0.1))</td></tr>" }.joined(separator: "\n")
    }

    /// The certificate as it was issued: every field it carries, in both languages.
    static func certificateSection(_ record: CertificateRecord) -> String {
        let fields = record.fields
        var basis = "\(fields.basis.text.zh) / \(fields.basis.text.en)"
        if let report = fields.reportNumber { basis += " · 检测报告编号 report No. \(report)" }
        let rows: [(String, String)] = [
            ("状态 Status", record.voided ? "已作废 Voided: \(record.voidReason ?? "")" : "有效 Valid"),
            ("产品名称 Product", "\(fields.productName.zh) / \(fields.productName.en)"),
            ("数量（重量）Quantity", fields.quantity),
            ("产地 Origin", "\(fields.origin.zh) / \(fields.origin.en)"),
            ("生产者 Issuer", "\(fields.issuerName.zh) / \(fields.issuerName.en)"),
            ("统一社会信用代码 USCC", fields.issuerUSCC),
            ("联系方式 Contact", fields.contact),
            ("开具日期 Date of issue", fields.issuedOn),
            ("承诺 Commitment", "\(fields.commitment.text.zh) / \(fields.commitment.text.en)"),
            ("承诺依据 Basis", basis),
            ("合格证编号 Certificate", "\(record.id) · \(record.copies) 份 copies"),
        ]
        return """
            <h2 data-certificate="\(record.id)" data-voided="\(record.voided)">承诺达标合格证 · Compliance commitment certificate</h2>
            <table class="certificate">
            \(table(rows))
            </table>

            """
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
