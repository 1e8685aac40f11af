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
        let table = rows.map { "<tr><th>\(Self.escaped($0.0))</th><td>\(Self.escaped($0.1))</td></tr>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escaped(product.name.zh)) · \(Self.escaped(entry.brandName.zh))</title>
            <style>body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;padding:1rem;max-width:36rem}
            .verdict{background:\(colour);color:#fff;padding:1rem;border-radius:.5rem;font-size:1.1rem}
            table{border-collapse:collapse;width:100%;margin-top:1rem}th{text-align:left;color:#555;padding:.4rem;width:35%;vertical-align:top}td{padding:.4rem}</style>
            </head><body>
            <div class="verdict" data-verdict="\(verdict.rawValue)"><strong>\(Self.escaped(verdict.message.zh))</strong><br>\(Self.escaped(verdict.message.en))</div>
            <h1>\(Self.escaped(product.name.zh))</h1><p>\(Self.escaped(product.name.en))</p>
            <table>
            \(table)
            </table>
            </body></html>

            """
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
