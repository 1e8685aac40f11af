import CatalogStore
import Foundation
import Hummingbird
import Measures
import NIOCore
import ProductSpecs
import Workflows

extension ServerState {
    /// `POST /v1/products/import?brand=…`: a station or producer uploads a product file
    /// (`text/csv`, `application/json` or `application/x-ndjson`), imported by the
    /// workflow `terroir products import` runs, with the same report.
    func addProductImportRoutes(to router: Router<TerroirRequestContext>) {
        router.post("/v1/products/import") { request, context in
            let actor = try Access.actor(context, .saveProducts)
            let query = request.uri.queryParameters
            guard let brand = query.get("brand"), !brand.isEmpty else {
                throw Problem.badRequest("query.missing", zh: "缺少参数 brand（产品登记在哪个品牌下）", en: "the brand parameter is missing (the brand the products are registered under)")
            }
            let format = try Self.uploadFormat(request)
            let source = query.get("source").flatMap { $0.isEmpty ? nil : $0 } ?? "upload.\(format)"
            let importRequest = ImportProducts.Request(
                brand: brand, file: "", source: source, producer: query.get("producer"), dryRun: try Self.flag(request, "dry_run"),
                partial: try Self.flag(request, "partial"), ignoredColumns: query.getAll("ignore_column"),
                ignoresUnknownColumns: try Self.flag(request, "ignore_unknown_columns"))
            let upload = try await request.body.collect(upTo: configuration.maximumImportBytes)
            let report = try await offload {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-upload-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                defer { try? FileManager.default.removeItem(at: folder) }
                let file = folder.appendingPathComponent("upload.\(format)")
                try Data(upload.readableBytesView).write(to: file)
                var request = importRequest
                request.file = file.path
                return try ImportProducts(store: store).run(request, as: actor)
            }
            guard report.failed.isEmpty || report.committed || report.dryRun else {
                var problem = Problem(.unprocessableContent, "products.rows_failed",
                                      zh: "\(report.failed.count) 行不符合品牌标准，未写入任何产品（全部或全不；加 partial=true 可写入其余的行）；见 report",
                                      en: "\(report.failed.count) row(s) do not meet the brand standard, so nothing was written (all or nothing; partial=true writes the others); see report")
                problem.extensions["report"] = report
                throw problem
            }
            return try Self.json(report)
        }
    }

    /// The upload's format, from its `Content-Type`.
    /// - Throws: 415 for a type that is not a product file.
    static func uploadFormat(_ request: Request) throws -> String {
        let type = (request.headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "text/csv": return "csv"
        case "application/json": return "json"
        case "application/x-ndjson", "application/ndjson": return "ndjson"
        default:
            throw Problem(.unsupportedMediaType, "body.media_type",
                          zh: "上传的类型“\(type)”不是产品文件：应为 text/csv、application/json 或 application/x-ndjson",
                          en: "the upload's type “\(type)” is not a product file: expected text/csv, application/json or application/x-ndjson")
        }
    }
}
