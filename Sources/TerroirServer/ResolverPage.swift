import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// The verification page a consumer sees after scanning a label: small, for a phone
/// on a slow connection, no script, in Chinese and English, with the verdict first;
/// then what the label says the product is, where it comes from, when the label was
/// issued and first scanned, the village shop, and a form to report a suspected fake.
struct ResolverPage {
    let product: ResolvableProduct
    let verdict: ScanVerdict
    /// Why the code is counterfeit, when it is.
    var counterfeit: CounterfeitKind? = nil
    /// The serial as its batch issued it, when it did.
    var issued: IssuedSerial? = nil
    var tally = ScanTally(count: 0, firstAt: nil)
    let uri: DigitalLinkURI
    /// The commitment certificate the scanned code is a copy of, when it is one.
    var certificate: CertificateRecord? = nil
    /// The consumer has just sent a report of a suspected fake.
    var reported = false

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
        let e = Self.escaped
        let entry = product.entry, item = entry.product
        let colour = switch verdict {
        case .genuine: "#1F6F3F"
        case .notIssued, .voided: "#B3261E"
        case .suspicious, .notCertified: "#8A5300"
        case .notSerialised: "#44546A"
        }
        let reason = counterfeit.map { ScanVerdict.reason($0) }
        var rows: [(String, String)] = []
        if let net = product.netContent { rows.append(("净含量 Net content", net.zh)) }
        if let grade = product.grade { rows.append(("等级 Grade", grade.zh == grade.en ? grade.zh : "\(grade.zh) / \(grade.en)")) }
        rows.append(("品牌 Brand", "\(entry.brandName.zh) / \(entry.brandName.en)"))
        rows.append(("生产者 Producer", entry.producerName.map { "\($0.zh) / \($0.en)" } ?? item.producerID))
        rows.append(("产地 Origin", (entry.placeName.map { "\($0.zh) / \($0.en)" } ?? "—") + (item.origin.map { " (\($0.digits))" } ?? "")))
        if let issued {
            rows.append(("签发依据标准 Issued under standard", issued.standardLabel.isEmpty ? "—" : issued.standardLabel))
            rows.append(("标签签发 Label issued", Self.time(issued.issuedAt)))
            rows.append(("首次扫描 First scanned", tally.firstAt.map(Self.time) ?? "—"))
            rows.append(("扫描次数 Scans", String(tally.count)))
        }
        rows.append(("GTIN", uri.gtin.digits))
        if let lot = uri.lot { rows.append(("批次 Lot", lot)) }
        if let serial = uri.serial { rows.append(("序号 Serial", serial)) }
        let prefix = Self.path(of: product.base)
        let mark = CatalogLinks.url(.mark(item.brandID), base: prefix)
        var actions: [String] = []
        if let shop = product.shop, let url = shop.url, verdict != .notIssued {
            actions.append("<a class=\"button\" href=\"\(e(url))\" rel=\"noopener\">去店铺购买 Buy at \(e(shop.name.zh)) / \(e(shop.name.en))</a>")
        }
        if product.stored.exportable {
            actions.append("<a href=\"\(e(CatalogLinks.url(.product(entry.id), base: prefix)))\">产品详情 Product details</a>")
        }
        actions.append("<a href=\"\(e(CatalogLinks.url(.brand(item.brandID), base: prefix)))\">品牌与认证目录 The brand and its catalog</a>")
        let claimed = verdict == .notIssued
            ? "<p class=\"note\">以下是此标签声称的产品，不代表它是真品。 Below is the product this label claims to be; it does not make the label genuine.</p>" : ""
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(headline.zh)) · \(e(item.name.zh))</title>
            <style>\(Self.style)
            .verdict{background:\(colour)}</style>
            </head><body>
            <main>
            <div class="verdict" data-verdict="\(verdict.rawValue)" role="status"><strong>\(e(headline.zh))</strong><br>\(e(headline.en))\(reason.map { "<br><small>\(e($0.zh)) · \(e($0.en))</small>" } ?? "")</div>
            \(claimed)<div class="product"><img src="\(e(mark))" alt="\(e(entry.brandName.zh)) \(e(entry.brandName.en))" width="56" height="56"><div><h1>\(e(item.name.zh))</h1><p lang="en">\(e(item.name.en))</p></div></div>
            <table>
            \(Self.table(rows))
            </table>
            <p class="actions">\(actions.joined(separator: "\n"))</p>
            \(certificate.map(Self.certificateSection) ?? "")\(reportForm)
            </main>
            </body></html>

            """
    }

    /// The form to report a suspected fake, or thanks for a report just sent.
    private var reportForm: String {
        guard !reported else {
            return "<p class=\"thanks\" role=\"status\">谢谢，举报已收到，品牌方会核查。 Thank you: the brand has your report and will look into it.</p>\n"
        }
        let open = verdict == .notIssued || verdict == .suspicious ? " open" : ""
        return """
            <details\(open)><summary>举报疑似假冒 Report a suspected fake</summary>
            <form method="post" action="\(Self.escaped(Self.path(of: uri.description)))">
            <label for="note">看到了什么？在哪里买的？ What did you see, and where did you buy it?</label>
            <textarea id="note" name="note" rows="3" maxlength="\(Self.maximumNote)" required></textarea>
            <label for="contact">联系方式（可不填） Contact (optional)</label>
            <input id="contact" name="contact" maxlength="\(Self.maximumContact)" autocomplete="tel">
            <p class="note">不填联系方式就不保存任何个人信息。 Nothing about you is kept unless you leave a contact.</p>
            <button type="submit">提交 Send</button>
            </form></details>

            """
    }

    /// The longest note and contact a report keeps.
    static let maximumNote = 500
    static let maximumContact = 100

    static let style = """
        body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;color:#1b1b1b;line-height:1.45}
        main{max-width:36rem;margin:0 auto;padding:1rem}
        .verdict{color:#fff;padding:1rem;border-radius:.5rem;font-size:1.1rem}
        .product{display:flex;gap:.75rem;align-items:center;margin-top:1rem}.product h1{font-size:1.35rem;margin:0}.product p{margin:0;color:#444}
        table{border-collapse:collapse;width:100%;margin-top:.75rem}th{text-align:left;color:#555;font-weight:normal;padding:.35rem;width:40%;vertical-align:top}
        td{padding:.35rem}tr+tr{border-top:1px solid #eee}.note{color:#555;font-size:.9rem}
        .actions a{display:block;margin:.5rem 0}.button{background:#1F6F3F;color:#fff;padding:.7rem;border-radius:.4rem;text-align:center;text-decoration:none}
        details{margin-top:1rem;border:1px solid #ccc;border-radius:.4rem;padding:.6rem}summary{font-weight:bold;cursor:pointer}
        label{display:block;margin-top:.6rem}textarea,input{width:100%;box-sizing:border-box;font:inherit;padding:.4rem}
        button{margin-top:.6rem;font:inherit;padding:.5rem 1rem}.thanks{background:#E8F3EC;padding:.8rem;border-radius:.4rem}
        h2{font-size:1.1rem;margin-top:1.25rem}
        """

    /// An error as a page, for a person whose browser asked for HTML.
    static func errorPage(_ problem: Problem) -> String {
        let e = escaped
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(problem.status.code) · \(e(problem.detail.zh))</title>
            <style>\(style)
            .verdict{background:#44546A}</style>
            </head><body>
            <main>
            <div class="verdict" data-status="\(problem.status.code)" role="status"><strong>\(problem.status.code) · \(e(problem.detail.zh))</strong><br>\(e(problem.detail.en))</div>
            <p>\(e(help(problem.status).zh))</p><p lang="en">\(e(help(problem.status).en))</p>
            <p class="note">\(e(problem.code))</p>
            </main>
            </body></html>

            """
    }

    private static func help(_ status: HTTPResponse.Status) -> LocalizedText {
        switch status {
        case .notFound: LocalizedText(zh: "没有找到此二维码所指的产品。若标签上印有品牌标志，此标签可能是假冒的，请向品牌方举报。",
                                      en: "No product matches this code. If the label carries a brand's mark, it may be counterfeit: tell the brand.")
        case .badRequest: LocalizedText(zh: "此二维码的内容不是有效的 GS1 数字链接，可能印刷有误或被篡改。",
                                        en: "This code does not hold a valid GS1 Digital Link: it may be misprinted or tampered with.")
        default: LocalizedText(zh: "无法回答此请求。", en: "This request cannot be answered.")
        }
    }

    /// `2026-11-30 08:15 UTC` from an ISO 8601 UTC time.
    static func time(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }

    /// The path and query of a URL (`/gi/01/…?s=…` of `https://id.example.cn/gi/01/…?s=…`):
    /// links within the resolver work on whichever host served the page.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
    }

    /// The host (and port) of a URL: `id.example.cn` of `https://id.example.cn/gi`.
    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        return String(rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)])
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

extension ResolverPage {
    /// The page of what the resolver found about `uri`.
    init(uri: DigitalLinkURI, product: ResolvableProduct, facts: ScanFacts, reported: Bool = false) {
        self.init(product: product, verdict: facts.verdict, counterfeit: facts.counterfeit, issued: facts.issued, tally: facts.tally, uri: uri,
                  certificate: facts.certificate, reported: reported)
    }
}
