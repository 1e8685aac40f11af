import BrandStandards
import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// The commitment certificate (承诺达标合格证) as Terroir prints it: 100 × 70 mm, the
/// fields the rules require (the product, its quantity in legal units, its origin, the
/// issuer and its unified social credit code, a contact, the date of issue, the
/// commitment and its basis), and the QR code whose signed URI opens the certificate's
/// own page. Drawn by `LabelRenderer` like a label, in every format.
public enum CertificateLayout {
    public static let size = LabelSize(id: "certificate", widthMM: 100, heightMM: 70)

    private static func text(_ y: Decimal, _ template: String, x: Decimal = 2.5, width: Decimal = 64, height: Decimal = 3.3,
                             size: Decimal = 2.6, align: LabelElement.Alignment? = nil, colour: String? = nil) -> LabelElement {
        LabelElement(kind: .text, x: x, y: y, width: width, height: height, text: template, sizeMM: size, align: align, colour: colour)
    }

    /// The elements, in millimetres from the top-left corner.
    public static let layout = LabelLayout(size: size.id, elements: [
        LabelElement(kind: .frame, x: 0.8, y: 0.8, width: 98.4, height: 68.4, colour: "primary", lineMM: 0.4),
        text(2.5, "承诺达标合格证", height: 6, size: 5, colour: "primary"),
        text(8.5, "Compliance commitment certificate · 食用农产品", height: 2.8, size: 2.2),
        LabelElement(kind: .rule, x: 2.5, y: 11.6, width: 64, height: 0.3, colour: "secondary"),
        text(12.3, "产品名称 {product}"),
        text(15.9, "数量（重量）{quantity}"),
        text(19.5, "产地 {origin}"),
        text(23.1, "生产者 {issuer}"),
        text(26.7, "统一社会信用代码 {uscc}"),
        text(30.3, "联系方式 {contact}"),
        text(33.9, "开具日期 {date}"),
        text(37.5, "编号 No. {serial}"),
        LabelElement(kind: .qr, x: 68, y: 2.5, width: 29.5, height: 29.5),
        text(33.5, "扫码查看 Scan to view", x: 68, width: 29.5, height: 3, size: 2.2, align: .centre, colour: "primary"),
        LabelElement(kind: .rule, x: 2.5, y: 41.4, width: 95, height: 0.3, colour: "secondary"),
        text(42.2, "我承诺对生产销售的食用农产品：", width: 95),
        text(45.8, "√ {commitment.1}", width: 95),
        text(49.4, "　 {commitment.2}", width: 95),
        text(53.3, "承诺依据：{basis}", width: 95),
        text(57.2, "开具人签名 Signature ____________", width: 60),
        text(62.5, "{brand} · 扫码验真 Scan to verify", width: 95, height: 3, size: 2.2, align: .centre, colour: "primary"),
    ])

    /// The text of each placeholder for a certificate.
    public static func values(_ fields: CertificateFields, brand: LocalizedText) -> [String: String] {
        let commitment = fields.commitment.text.zh.split(separator: "；", maxSplits: 1).map(String.init)
        var basis = fields.basis.text.zh
        if let report = fields.reportNumber, !report.isEmpty { basis += "（检测报告编号 \(report)）" }
        return [
            "product": fields.productName.zh, "quantity": fields.quantity, "origin": fields.origin.zh, "issuer": fields.issuerName.zh,
            "uscc": fields.issuerUSCC, "contact": fields.contact, "date": fields.issuedOn,
            "commitment.1": commitment.first ?? "", "commitment.2": commitment.count > 1 ? commitment[1] : "", "basis": basis,
            "brand": brand.zh,
        ]
    }
}

extension LabelJobBuilder {
    /// The job for a certificate's copies, as a batch keeps it, rehearsed like a label's:
    /// a field too long for its line fails here, before any serial is spent.
    /// - Throws: `LabelError` for a resolution the standard does not allow or text that does not fit.
    public func prepareCertificate(_ fields: CertificateFields, gtin: GTIN?, lot: String, dpi requested: Int?, format: LabelFormat,
                                   now: Date = Date()) throws(LabelError) -> (job: LabelJob, storedJSON: String) {
        let rules = standard.labels
        let allowed = rules.dpi.filter { $0 >= rules.minDPI }
        let dpi = requested ?? (allowed.contains(300) ? 300 : allowed.first ?? 300)
        guard allowed.contains(dpi) else { throw .dpiNotAllowed(dpi: dpi, allowed: allowed) }
        let job = LabelJob(layout: CertificateLayout.layout, size: CertificateLayout.size, rules: rules, dpi: dpi, format: format,
                           values: CertificateLayout.values(fields, brand: standard.name), markPNG: nil, fontPath: font,
                           createdAt: format == .pdf ? Self.timestamp(now) : nil)
        let storedJSON = job.storedJSON()
        let stored = try LabelJob(storedJSON: storedJSON)
        try Self.rehearse(stored, resolver: standard.resolver, gtin: gtin, lot: lot)
        return (stored, storedJSON)
    }
}
