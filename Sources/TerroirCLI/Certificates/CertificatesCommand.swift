import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Labels
import Measures
import ProductSpecs
import Workflows

/// `terroir certificates ...`: commitment certificates (承诺达标合格证).
struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "Issue, list, show, void and delete commitment certificates (承诺达标合格证).",
        subcommands: [CertificatesIssueCommand.self, CertificatesListCommand.self, CertificatesShowCommand.self,
                      CertificatesVoidCommand.self, CertificatesDeleteCommand.self]
    )

    /// A certificate in both languages, as `show` and `issue` print it.
    static func describe(_ record: CertificateRecord) -> String {
        let fields = record.fields
        let last = record.firstSerial + Int64(record.copies) - 1
        var lines = [
            "certificate \(record.id) 合格证  \(record.brandID)  \(record.voided ? "VOIDED 已作废: \(record.voidReason ?? "")" : "valid 有效")",
            "  产品名称 product        \(fields.productName.zh) / \(fields.productName.en)",
            "  数量（重量）quantity    \(fields.quantity)\(fields.quantityEntered == fields.quantity ? "" : " (entered 填写：\(fields.quantityEntered))")",
            "  产地 origin             \(fields.origin.zh) / \(fields.origin.en)",
            "  生产者 issuer           \(fields.issuerName.zh) / \(fields.issuerName.en)  \(fields.issuerUSCC)",
            "  联系方式 contact        \(fields.contact)",
            "  开具日期 issued on      \(fields.issuedOn) (by \(record.issuer))",
            "  承诺 commitment         \(fields.commitment.text.zh)",
            "                          \(fields.commitment.text.en)",
            "  依据 basis              \(fields.basis.text.zh) / \(fields.basis.text.en)\(fields.reportNumber.map { "  report 报告 \($0)" } ?? "")",
            "  copies 份数             \(record.copies): batch \(record.batchID), GTIN \(record.gtin) lot \(record.lot), serials \(record.firstSerial)–\(last)",
            "  kept until 保存至       \(record.retainedUntil)",
        ]
        if record.voided { lines.append("  作废 voided            \(record.voidReason ?? "")") }
        return lines.joined(separator: "\n")
    }
}

extension CertificateCommitment: ExpressibleByArgument {}
extension CertificateBasis: ExpressibleByArgument {}

/// `terroir certificates issue`: a certificate for a product, drawn into a folder.
struct CertificatesIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a commitment certificate for a product and render its copies (png, pdf or zpl).",
        discussion: """
        The product's category must be one the brand standard sells with certificates \
        (certificates.categories). Each copy carries its own signed code, which opens the \
        certificate's page at the brand's resolver. Records are kept two years.
        """
    )

    @Option(help: "The product: its id, its SKU, or PRODUCER/SKU.") var product: String
    @Option(help: "What is handed over: 500kg, 1000斤 (printed as 500 kg), 40只.") var quantity: String
    @Option(help: "The commitment: producer (the producer's own) or purchaser (a dealer's).") var commitment: CertificateCommitment = .producer
    @Option(help: "What it rests on: quality-control, self-test or commissioned-test.") var basis: CertificateBasis
    @Option(help: "The test report's number (for self-test and commissioned-test).") var report: String?
    @Option(help: "A telephone number or other contact, printed on the certificate.") var contact: String
    @Option(help: "The lot (default: the date of issue, such as 20261201).") var lot: String?
    @Option(help: "Copies, each with its own serial.") var count = 1
    @Option(help: "The printer resolution (default: 300 if the standard allows it).") var dpi: Int?
    @Option(help: "png, pdf (one document, a copy a page) or zpl.") var format: LabelFormat = .png
    @Option(help: "The folder to write the copies into.") var out: String
    @Option(help: "The folder of brand marks.") var assets = "Assets"
    @Option(help: "The font file.") var font = FontFace.defaultPath
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if format == .svg { throw ValidationError("certificates are printed as png, pdf or zpl / 合格证可输出 png、pdf 或 zpl") }
    }

    func run() throws {
        try LabelBatchFolder.checkNewDestination(out)
        let catalog = try store.open()
        let request = IssueCertificate.Request(product: product, quantity: quantity, commitment: commitment, basis: basis, report: report,
                                               contact: contact, lot: lot, count: count, dpi: dpi, format: format)
        let issued: IssueCertificate.Result
        do {
            issued = try IssueCertificate(store: catalog, assets: assets, font: font).run(request, as: store.operatorActor)
        } catch {
            guard error.code == "labels.refused" else { throw error }
            print("certificate refused for product \(product):")
            for reason in error.reasons { print("  - \(reason.en)\n    \(reason.zh)") }
            throw ExitCode(1)
        }
        print(CertificatesCommand.describe(issued.certificate))
        let batch = issued.batch
        try LabelBatchRun(batch: batch.batch, key: batch.key, job: batch.job, resolver: batch.resolver, out: out, jobs: nil).perform(in: catalog)
    }
}

/// `terroir certificates list`.
struct CertificatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List certificates, newest first.")

    @Option(help: "Only this brand's.") var brand: String?
    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        let records = try ReadCertificates(store: store.open()).run(.init(brand: brand), as: store.operatorActor)
        if format == .json { return try JSONOutput.print(records) }
        if records.isEmpty { return print("no certificates / 没有合格证") }
        for record in records {
            print("certificate \(record.id)  \(record.brandID)  \(record.fields.issuedOn)  \(record.fields.productName.zh)  \(record.fields.quantity)  "
                + "\(record.fields.basis.rawValue)  \(record.copies) cop\(record.copies == 1 ? "y" : "ies")  \(record.voided ? "VOIDED 已作废" : "valid 有效")")
        }
    }
}

/// `terroir certificates show ID`.
struct CertificatesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a certificate: what it says, its copies, whether it is voided.")

    @Argument(help: "The certificate id (as `certificates list` shows it).") var id: Int64
    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let record = try ReadCertificates(store: store.open()).run(.init(id: id), as: store.operatorActor).first else { return }
        if format == .json { return try JSONOutput.print(record) }
        print(CertificatesCommand.describe(record))
    }
}

/// `terroir certificates void ID --reason …`.
struct CertificatesVoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Void every copy of a certificate: its page then says \"voided\" (audited).")

    @Argument(help: "The certificate id.") var id: Int64
    @Option(help: "Why, for the audit log.") var reason: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try VoidCertificate(store: store.open()).run(.init(id: id, reason: reason), as: store.operatorActor)
        print("合格证 \(id)：作废 \(result.voided) 份（共 \(result.certificate.copies) 份）")
        print("certificate \(id): \(result.voided) cop\(result.voided == 1 ? "y" : "ies") voided (of \(result.certificate.copies))")
    }
}

/// `terroir certificates delete ID`: refused while the record must be kept.
struct CertificatesDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a certificate's record, once the two years it must be kept have passed (audited).")

    @Argument(help: "The certificate id.") var id: Int64
    @OptionGroup var store: StoreOptions

    func run() throws {
        let record = try DeleteCertificate(store: store.open()).run(.init(id: id), as: store.operatorActor)
        print("合格证 \(record.id) 的记录已删除（开具于 \(record.fields.issuedOn)）")
        print("certificate \(record.id)'s record deleted (issued on \(record.fields.issuedOn))")
    }
}
