import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Labels
import Measures
import NIOCore
import ProductSpecs
import Workflows

extension ServerState {
    /// The most labels one HTTP request may issue; larger batches are the batch tool's.
    static let maximumHTTPBatch = 10_000

    /// `/v1/label-batches`: producers and stations issue batches (answered with the
    /// manifest) and preview single labels.
    func addLabelBatchRoutes(to router: Router<TerroirRequestContext>) {
        router.post("/v1/label-batches") { request, context in
            let actor = try Access.actor(context, .issueLabelBatch)
            let bytes = try await body(request)
            return try await offload { try issue(Self.jsonObject(bytes), actor: actor) }
        }
        router.get("/v1/label-batches/:id") { _, context in
            let actor = try Access.actor(context, .readLabelBatch)
            let id = try context.parameters.require("id", as: Int64.self)
            return try await offload {
                let opened = try ReadLabelBatch(store: store).run(.init(batch: id), as: actor)
                return try Self.json(BatchAnswer(opened.batch, key: opened.key, resolver: opened.resolver))
            }
        }
        router.post("/v1/label-batches/:id/void") { request, context in
            let actor = try Access.actor(context, .voidLabels)
            let id = try context.parameters.require("id", as: Int64.self)
            let asked = try Self.decode(VoidBody.self, from: try await body(request))
            let result = try await offload {
                try VoidLabels(store: store).run(.init(batch: id, serials: asked.serials, reason: asked.reason), as: actor)
            }
            return try Self.json(result)
        }
        router.get("/v1/label-batches/:id/labels/:file") { _, context in
            let actor = try Access.actor(context, .readLabelBatch)
            let id = try context.parameters.require("id", as: Int64.self)
            let file = try context.parameters.require("file")
            return try await offload { try label(file, batch: id, actor: actor) }
        }
    }

    /// The body of `POST /v1/label-batches/{id}/void`.
    struct VoidBody: Decodable {
        let serials: String
        let reason: String
    }

    /// Issues the batch a request body asks for. Blocks: on `StoreThreads`.
    private func issue(_ body: [String: Any], actor: Actor) throws -> Response {
        guard let reference = (body["product"] as? String) ?? (body["product"] as? Int).map(String.init),
              let lot = body["lot"] as? String, body["count"] != nil else {
            let missing = ["product", "lot", "count"].filter { body[$0] == nil }
            throw Problem(.unprocessableContent, "field.missing", zh: "需要 product、lot 和 count（缺少：\(missing.joined(separator: "、"))）",
                          en: "product, lot and count are needed (missing or not text: \(missing.isEmpty ? "product or lot" : missing.joined(separator: ", ")))")
        }
        guard let count = body["count"] as? Int, !(body["count"] is String) else {
            let found = body["count"].map { "\($0)" } ?? ""
            throw Problem(.unprocessableContent, "field.type", zh: "count 应为 JSON 整数（如 \"count\": 3），实际是“\(found)”",
                          en: "count must be a JSON whole number (such as \"count\": 3), found “\(found)”\(body["count"] is String ? " as text" : "")")
        }
        guard (1...Self.maximumHTTPBatch).contains(count) else {
            throw Problem(.unprocessableContent, "count.range", zh: "count 应为 1 到 \(Self.maximumHTTPBatch)", en: "count must be 1 to \(Self.maximumHTTPBatch)")
        }
        let formatName = (body["format"] as? String) ?? "png"
        guard let format = LabelFormat(rawValue: formatName) else {
            throw Problem(.unprocessableContent, "format.unknown", zh: "未知格式“\(formatName)”", en: "unknown format “\(formatName)”: png, svg, zpl or pdf")
        }
        let issued = try IssueLabelBatch(store: store, assets: configuration.assetsPath, font: configuration.fontPath)
            .run(.init(product: reference, lot: lot, count: count, size: body["size"] as? String, dpi: body["dpi"] as? Int, format: format), as: actor)
        metrics.labelsIssued(issued.batch.count)
        return try Self.json(BatchAnswer(issued.batch, key: issued.key, resolver: issued.resolver), status: .created)
    }

    /// One label of a batch, drawn again: `file` is `SERIAL.png|svg|zpl|pdf` (a PDF is the label alone, on a page its size). Blocks: on `StoreThreads`.
    private func label(_ file: String, batch id: Int64, actor: Actor) throws -> Response {
        let opened = try ReadLabelBatch(store: store).run(.init(batch: id), as: actor)
        let batch = opened.batch
        let parts = file.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let serial = Int64(parts[0]), let format = LabelFormat(rawValue: String(parts[1])) else {
            throw Problem.badRequest("label.file", zh: "标签文件名应为 序号.png|svg|zpl|pdf", en: "a label file is SERIAL.png, .svg, .zpl or .pdf")
        }
        guard batch.serials.contains(serial) else {
            throw Problem.notFound("serial \(serial) is not in batch \(batch.id)", zh: "序号 \(serial) 不在批次 \(batch.id) 中")
        }
        let response: Response
        do throws(LabelError) {
            var job = opened.job
            job.format = format
            let uri = try Self.signedURI(resolver: opened.resolver, batch: batch, key: opened.key, serial: serial)
            let bytes = try LabelRenderer(job: job).render(serial: String(serial), uri: uri)
            let type = switch format {
            case .png: "image/png"
            case .svg: "image/svg+xml"
            case .zpl: "text/plain; charset=utf-8"
            case .pdf: "application/pdf"
            }
            response = Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            throw Problem(.unprocessableContent, error.code, error.message)
        }
        // Its file was produced: the mark ledger counts the serial printed.
        try store.recordPrinted(batchID: batch.id, serial: serial)
        return response
    }

    static func signedURI(resolver: String, batch: LabelBatch, key: [UInt8], serial: Int64) throws(LabelError) -> String {
        do throws(DigitalLinkError) {
            return try SerialSignature.signedURI(resolver: resolver, gtin: batch.gtin, lot: batch.lot, serial: String(serial), key: key)
        } catch {
            throw .lotInvalid(lot: batch.lot, zh: error.explanation.zh, en: error.explanation.en)
        }
    }
}

/// A batch as the API answers it: the batch and its manifest, each serial with the
/// URI its QR code carries.
struct BatchAnswer: Encodable {
    struct Label: Encodable {
        let serial: Int64
        let uri: String
    }

    let id: Int64
    let product: Int64
    let brand: String
    let gtin: String
    let lot: String
    let firstSerial: Int64
    let count: Int
    let size: String
    let dpi: Int
    let format: String
    let standardVersion: Int
    let issuedAt: String
    let manifest: [Label]

    init(_ batch: LabelBatch, key: [UInt8], resolver: String) throws {
        id = batch.id
        product = batch.productID
        brand = batch.brandID
        gtin = batch.gtin.digits
        lot = batch.lot
        firstSerial = batch.firstSerial
        count = batch.count
        size = batch.size
        dpi = batch.dpi
        format = batch.format
        standardVersion = batch.standardVersion
        issuedAt = batch.issuedAt
        manifest = try batch.serials.map { serial in
            Label(serial: serial, uri: try ServerState.signedURI(resolver: resolver, batch: batch, key: key, serial: serial))
        }
    }
}
