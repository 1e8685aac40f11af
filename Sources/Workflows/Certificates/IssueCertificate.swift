import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Labels
import Measures
import ProductSpecs

/// Issues a commitment certificate (承诺达标合格证) for a product whose category the
/// brand's standard sells with one: the commitment and basis the standard allows, the
/// test report's number when the basis is a test, the quantity in legal units. Its
/// copies are the serials of a label batch, signed like labels, so that the code on
/// the certificate opens the certificate's own page (证码合一). Checked whole before
/// any serial is spent; the certificate and its batch are written in one transaction.
public struct IssueCertificate: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        /// The product: its id, its SKU, or `PRODUCER/SKU`.
        public var product: String
        /// What is handed over, as typed: `500kg`, `1000斤`, `40只`.
        public var quantity: String
        public var commitment: CertificateCommitment
        public var basis: CertificateBasis
        /// The test report's number, for `self-test` and `commissioned-test`.
        public var report: String?
        /// A telephone number or other contact, printed.
        public var contact: String
        /// The lot; the date of issue (`20261201`) when not given.
        public var lot: String?
        /// Copies, each with its own serial.
        public var count: Int
        public var dpi: Int?
        public var format: LabelFormat

        enum CodingKeys: String, CodingKey {
            case product, quantity, commitment, basis, report, contact, lot, count, dpi, format
        }

        /// `product` may be given as a number (its id) or as text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let id = try? container.decode(Int64.self, forKey: .product) {
                product = String(id)
            } else {
                product = try container.decode(String.self, forKey: .product)
            }
            quantity = try container.decode(String.self, forKey: .quantity)
            commitment = try container.decodeIfPresent(CertificateCommitment.self, forKey: .commitment) ?? .producer
            basis = try container.decode(CertificateBasis.self, forKey: .basis)
            report = try container.decodeIfPresent(String.self, forKey: .report)
            contact = try container.decode(String.self, forKey: .contact)
            lot = try container.decodeIfPresent(String.self, forKey: .lot)
            count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 1
            dpi = try container.decodeIfPresent(Int.self, forKey: .dpi)
            format = try container.decodeIfPresent(LabelFormat.self, forKey: .format) ?? .png
        }

        public init(product: String, quantity: String, commitment: CertificateCommitment = .producer, basis: CertificateBasis,
                    report: String? = nil, contact: String, lot: String? = nil, count: Int = 1, dpi: Int? = nil, format: LabelFormat = .png) {
            self.product = product
            self.quantity = quantity
            self.commitment = commitment
            self.basis = basis
            self.report = report
            self.contact = contact
            self.lot = lot
            self.count = count
            self.dpi = dpi
            self.format = format
        }
    }

    public struct Result: Codable, Sendable {
        public var certificate: CertificateRecord
        /// The batch whose serials are its copies, with what drawing them needs.
        public var batch: IssueLabelBatch.Result
    }

    /// The most copies of one certificate.
    public static let maximumCopies = 1_000
    /// The longest report number or contact accepted.
    static let maximumFieldLength = 40

    let store: any CatalogStoring
    let assets: String
    let font: String

    public init(store: any CatalogStoring, assets: String, font: String = FontFace.defaultPath) {
        self.store = store
        self.assets = assets
        self.font = font
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .issueCertificates)
        guard (1...Self.maximumCopies).contains(request.count) else {
            throw WorkflowError(.invalid, "count.range", zh: "份数应为 1 到 \(Self.maximumCopies)", en: "count must be 1 to \(Self.maximumCopies)")
        }
        let contact = try Self.field(request.contact, name: "contact", what: LocalizedText(zh: "联系方式", en: "a contact"))
        let (stored, producer, published) = try WorkflowError.catching { try IssueLabelBatch.open(request.product, store: store, actor: actor) }
        let standard = published.standard, product = stored.product
        try Self.checkRules(request, standard: standard, category: product.category)
        let report = try request.basis.isTest
            ? Self.field(request.report ?? "", name: "report", what: LocalizedText(zh: "检测报告编号", en: "the test report's number"))
            : nil
        let quantity = try Self.quantity(request.quantity, standard: standard)
        // The date of issue is the day where the certificate is handed over: the
        // machine's own time zone (China Standard Time at a co-op), not UTC.
        let today = CalendarDay.today(in: .current)
        let lot = request.lot ?? today.description.replacingOccurrences(of: "-", with: "")
        let origin = LabelFields.origin(of: product, in: standard) ?? LocalizedText(zh: "—", en: "—")
        let fields = CertificateFields(
            commitment: request.commitment, basis: request.basis, reportNumber: report, quantityEntered: request.quantity,
            quantity: quantity, productName: product.name, origin: origin, issuerName: producer.name, issuerUSCC: producer.uscc.text,
            contact: contact, issuedOn: today.description)
        var batch = LabelBatchRequest(productID: stored.id, lot: lot, count: request.count, size: CertificateLayout.size.id, dpi: request.dpi ?? 0,
                                      format: request.format.rawValue, standardVersion: published.number, jobJSON: "")
        return try WorkflowError.catching {
            try IssueLabelBatch.refuse(try store.labelRefusals(for: batch))
            let job: LabelJob
            do throws(LabelError) {
                (job, batch.jobJSON) = try LabelJobBuilder(standard: standard, assets: assets, font: font)
                    .prepareCertificate(fields, gtin: product.gtin, lot: lot, dpi: request.dpi, format: request.format)
            } catch {
                throw WorkflowError(.invalid, error.code, error.message)
            }
            let issued = try IssueLabelBatch.issue(batch, job: job, certificate: fields, store: store, resolver: standard.resolver, actor: actor)
            guard let certificate = try store.certificate(batchID: issued.batch.id) else { throw StoreError.database("the new certificate vanished") }
            return Result(certificate: certificate, batch: issued)
        }
    }

    /// The standard sells this category with certificates, and allows this commitment and basis.
    static func checkRules(_ request: Request, standard: BrandStandard, category: String) throws(WorkflowError) {
        guard let rules = standard.certificates, rules.categories.contains(category) else {
            let listed = standard.certificates?.categories.joined(separator: ", ") ?? ""
            throw WorkflowError(.invalid, "certificate.not_required",
                                zh: "品牌“\(standard.id)”的标准未规定品类“\(category)”开具承诺达标合格证（certificates.categories：\(listed.isEmpty ? "无" : listed)）",
                                en: "brand “\(standard.id)”'s standard does not sell category “\(category)” with a commitment certificate (certificates.categories: \(listed.isEmpty ? "none" : listed))")
        }
        guard rules.commitments.contains(request.commitment) else {
            throw WorkflowError(.invalid, "certificate.commitment_not_allowed",
                                zh: "标准不允许承诺内容“\(request.commitment.rawValue)”（允许：\(rules.commitments.map(\.rawValue).joined(separator: ", "))）",
                                en: "the standard does not allow the commitment “\(request.commitment.rawValue)” (allowed: \(rules.commitments.map(\.rawValue).joined(separator: ", ")))")
        }
        guard rules.bases.contains(request.basis) else {
            throw WorkflowError(.invalid, "certificate.basis_not_allowed",
                                zh: "标准不允许承诺依据“\(request.basis.rawValue)”（允许：\(rules.bases.map(\.rawValue).joined(separator: ", "))）",
                                en: "the standard does not allow the basis “\(request.basis.rawValue)” (allowed: \(rules.bases.map(\.rawValue).joined(separator: ", ")))")
        }
        if !request.basis.isTest, let report = request.report, !report.allSatisfy(\.isWhitespace) {
            throw WorkflowError(.invalid, "certificate.report_unexpected",
                                zh: "承诺依据为“\(request.basis.text.zh)”，不是检测，不应填写检测报告编号",
                                en: "the basis “\(request.basis.rawValue)” is not a test: a report number does not belong with it")
        }
    }

    /// A short printed field: trimmed, not empty, no control characters, at most 40 characters.
    static func field(_ text: String, name: String, what: LocalizedText) throws(WorkflowError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw WorkflowError(.invalid, "certificate.\(name)_missing", zh: "需要\(what.zh)（--\(name)）", en: "\(what.en) is needed (--\(name))")
        }
        guard trimmed.count <= maximumFieldLength, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw WorkflowError(.invalid, "certificate.\(name)_invalid",
                                zh: "\(what.zh)应为一行、不超过 \(maximumFieldLength) 个字符", en: "\(what.en) must be one line of at most \(maximumFieldLength) characters")
        }
        return trimmed
    }

    /// The quantity in legal units (`1000斤` → `500 kg`), or a count as typed (`40 只`).
    static func quantity(_ text: String, standard: BrandStandard) throws(WorkflowError) -> String {
        let quantity: Quantity
        do throws(MeasureError) {
            quantity = try Quantity(parsing: text, jinRegion: standard.jinRegion)
        } catch {
            throw WorkflowError(.invalid, "certificate.quantity_invalid",
                                zh: "数量（重量）“\(text)”无法读取：\(error.message.zh)；应如 500kg、1000斤 或 40只",
                                en: "the quantity “\(text)” cannot be read: \(error.message.en); expected something like 500kg, 1000斤 or 40 pieces")
        }
        switch quantity.dimension {
        case .mass: if let legal = quantity.legalUnitText, quantity.value > 0 { return legal }
        case .count: if quantity.value > 0 { return quantity.formatted(.zh) }
        default: break
        }
        throw WorkflowError(.invalid, "certificate.quantity_invalid",
                            zh: "数量（重量）“\(text)”应为正的重量或件数（如 500kg、1000斤、40只），不是\(quantity.dimension.rawValue)",
                            en: "the quantity “\(text)” must be a positive weight or count (such as 500kg, 1000斤, 40 pieces), not a \(quantity.dimension.rawValue)")
    }
}
