import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Labels
import Measures

/// What a batch's folder holds beside its labels: `batch.json`, saying what the batch
/// is, and `manifest.csv`, a line per label (serial, URI, file, SHA-256). A PDF
/// batch's labels are the pages or sheets of one document, `labels.pdf`.
struct LabelBatchFolder {
    static let infoFileName = "batch.json"
    static let manifestFileName = "manifest.csv"
    static let manifestHeader = "serial,uri,file,sha256"
    /// A PDF batch's one document, which every manifest line names.
    static let documentFileName = "labels.pdf"

    /// `batch.json`.
    struct Info: Codable, Equatable {
        var batch: Int64
        var brand: String
        var product: Int64
        var gtin: String
        var lot: String
        var firstSerial: Int64
        var count: Int
        var size: String
        var widthMM: Decimal
        var heightMM: Decimal
        var dpi: Int
        var format: String
        var minModuleMM: Decimal

        enum CodingKeys: String, CodingKey {
            case batch, brand, product, gtin, lot, firstSerial = "first_serial", count, size, widthMM = "width_mm"
            case heightMM = "height_mm", dpi, format, minModuleMM = "min_module_mm"
        }

        init(_ batch: LabelBatch, job: LabelJob) {
            self.batch = batch.id
            brand = batch.brandID
            product = batch.productID
            gtin = batch.gtin.digits
            lot = batch.lot
            firstSerial = batch.firstSerial
            count = batch.count
            size = batch.size
            widthMM = job.size.widthMM
            heightMM = job.size.heightMM
            dpi = batch.dpi
            format = batch.format
            minModuleMM = job.rules.qr.minModuleMM
        }
    }

    /// One line of the manifest.
    struct Entry: Equatable {
        var serial: Int64
        var uri: String
        var file: String
        var sha256: String

        var csvLine: String { "\(serial),\(uri),\(file),\(sha256)" }
    }

    let url: URL

    /// Throws unless `path` can take a new batch: a folder that does not exist yet, or
    /// an empty one. Checked before any serial is spent, so that a batch never writes
    /// over another batch's files or a user's own.
    static func checkNewDestination(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw CLIError(zh: "--out \(path) 是一个文件；标签批次需要一个新的或空的文件夹（未发放任何序列号）",
                           en: "--out \(path) is a file; a label batch needs a new or empty folder (no serial was spent)")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard contents.isEmpty else {
            let what = contents.contains(infoFileName)
                ? LocalizedText(zh: "已存放另一个标签批次", en: "holds another label batch")
                : LocalizedText(zh: "不是空文件夹（\(contents.count) 项）", en: "is not empty (\(contents.count) item(s))")
            throw CLIError(zh: "--out \(path) \(what.zh)；请指定新的或空的文件夹（未发放任何序列号；续印请用 terroir labels resume）",
                           en: "--out \(path) \(what.en); name a new or empty folder (no serial was spent; to finish a batch, use terroir labels resume)")
        }
    }

    /// The file name of a serial's label: the serial, at least 8 digits, so that files sort.
    static func fileName(serial: Int64, format: LabelFormat) -> String {
        var digits = String(serial)
        if digits.count < 8 { digits = String(repeating: "0", count: 8 - digits.count) + digits }
        return "\(digits).\(format.fileExtension)"
    }

    func readInfo() throws -> Info {
        let file = url.appendingPathComponent(Self.infoFileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw CLIError(zh: "\(url.path) 中没有 \(Self.infoFileName)，这不是标签批次文件夹",
                           en: "\(url.path) holds no \(Self.infoFileName): not a label batch folder")
        }
        do {
            return try JSONDecoder().decode(Info.self, from: data)
        } catch {
            throw CLIError(zh: "\(file.path) 无法读取：\(error)", en: "\(file.path) cannot be read: \(error)")
        }
    }

    func writeInfo(_ info: Info) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try encoder.encode(info).write(to: url.appendingPathComponent(Self.infoFileName), options: .atomic)
    }

    /// The manifest's entries, in file order.
    /// - Throws: when there is none, or a line is malformed (with its line number).
    func readManifest() throws -> [Entry] {
        let file = url.appendingPathComponent(Self.manifestFileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw CLIError(zh: "没有清单 \(file.path)（批次未完成？请运行 terroir labels resume）",
                           en: "no manifest \(file.path) (batch not finished? run terroir labels resume)")
        }
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n").enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 4, let serial = Int64(fields[0]) else {
                throw CLIError(zh: "清单第 \(index + 1) 行格式错误", en: "manifest line \(index + 1) is malformed")
            }
            entries.append(Entry(serial: serial, uri: String(fields[1]), file: String(fields[2]), sha256: String(fields[3])))
        }
        return entries
    }
}
