import ArgumentParser
import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Labels
import Measures
import ProductSpecs
import Workflows

/// `terroir labels generate`: issues a batch of serials for a certified product and
/// renders its labels on every core.
struct LabelsGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Issue a batch of serialised, signed labels for a certified product and render them.",
        discussion: """
        Refused, with the reasons, when the product is not certified or its producer is \
        not active and authorised for its category. Every batch is in the audit log.
        """
    )

    @Option(help: "The product: its id, its SKU, or PRODUCER/SKU.") var product: String
    @Option(help: "The lot (batch) code: 1 to 20 characters of the GS1 set, no spaces or Chinese.") var lot: String
    @Option(help: "How many labels.") var count: Int
    @Option(help: "The label size id (default: the standard's first size).") var size: String?
    @Option(help: "The printer resolution (default: 300 if the standard allows it).") var dpi: Int?
    @Option(help: "png, svg, zpl or pdf (one document: a label a page, or sheets with --sheet).") var format: LabelFormat = .png
    @Flag(help: "PNG in the brand's colours (8-bit RGB) instead of 1-bit black and white.") var colour = false
    @Flag(name: .customLong("native-qr"), help: "ZPL: let the printer draw the QR code (^BQN).") var nativeQR = false
    @Option(help: "PDF: lay the labels out on this sheet (terroir labels sheets lists them); the size defaults to the sheet's.") var sheet: String?
    @Option(name: .customLong("start-at"), help: "With --sheet: the first free position on the first sheet (1 is top left, across then down).") var startAt = 1
    @Option(name: .customLong("offset-x"), parsing: .unconditional, help: "With --sheet: move every label right by this many mm (negative: left), to calibrate the printer.") var offsetX = 0.0
    @Option(name: .customLong("offset-y"), parsing: .unconditional, help: "With --sheet: move every label down by this many mm (negative: up).") var offsetY = 0.0
    @Flag(name: .customLong("crop-marks"), help: "With --sheet: draw crop marks in the sheet's margins.") var cropMarks = false
    @Option(help: "The folder to write the labels into.") var out: String
    @Option(help: "The folder of brand marks.") var assets = "Assets"
    @Option(help: "The font file.") var font = FontFace.defaultPath
    @Option(help: "Rendering threads (default: one per core).") var jobs: Int?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if count < 1 || count > CatalogStore.maximumBatchSize { throw ValidationError("--count must be 1 to \(CatalogStore.maximumBatchSize)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if sheet == nil && (startAt != 1 || offsetX != 0 || offsetY != 0 || cropMarks) {
            throw ValidationError("--start-at, --offset-x, --offset-y and --crop-marks lay out sheets: add --sheet ID (terroir labels sheets lists them) / 这些选项用于标签纸排版，请加 --sheet")
        }
    }

    func run() throws {
        try LabelBatchFolder.checkNewDestination(out)
        let catalog = try store.open()
        let request = IssueLabelBatch.Request(product: product, lot: lot, count: count, size: size, dpi: dpi, format: format,
                                              colour: colour, nativeQR: nativeQR,
                                              sheet: sheet.map { SheetRequest(id: $0, startAt: startAt, offsetXMM: offsetX, offsetYMM: offsetY, cropMarks: cropMarks) })
        let issued = try Self.issue(request, store: catalog, assets: assets, font: font, as: store.operatorActor)
        let batch = issued.batch
        let last = batch.firstSerial + Int64(batch.count) - 1
        print("batch \(batch.id): \(batch.count) label(s) of \(batch.gtin.digits) lot \(batch.lot), serials \(batch.firstSerial)–\(last)")
        try LabelBatchRun(batch: batch, key: issued.key, job: issued.job, resolver: issued.resolver, out: out, jobs: jobs)
            .perform(in: catalog)
    }

    /// Issues the batch; a refusal is printed with each reason (exit 1).
    static func issue(_ request: IssueLabelBatch.Request, store: CatalogStore, assets: String, font: String, as actor: Actor) throws -> IssueLabelBatch.Result {
        do {
            return try IssueLabelBatch(store: store, assets: assets, font: font).run(request, as: actor)
        } catch {
            guard error.code == "labels.refused" else { throw error }
            print("labels refused for product \(request.product):")
            for reason in error.reasons { print("  - \(reason.en)\n    \(reason.zh)") }
            throw ExitCode(1)
        }
    }
}

extension LabelFormat: ExpressibleByArgument {}
