import ArgumentParser
import DigitalLink
import Dispatch
import Foundation
import Labels
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `terroir labels verify DIR`: checks a batch folder against its manifest, decoding
/// every PNG with an independent decoder (`zbarimg`).
struct LabelsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a batch folder: every file against the manifest, every PNG and every PDF page decoded by zbarimg.",
        discussion: """
        Checks that the manifest holds exactly the batch's serials, once each; that each \
        URI is a valid GS1 Digital Link for the batch's GTIN, lot and serial; that each \
        file's SHA-256 matches; that each PNG has the pixel size and pHYs of its mm and \
        dpi and decodes to its URI; that a PDF's pages, rendered by pdftoppm at 300 dpi, \
        carry each manifest URI once and nothing else; that each SVG is well-formed XML; that each ZPL label \
        is one ^XA…^XZ whose ^GFA byte counts agree with its data.
        """
    )

    @Argument(help: "The batch folder.") var folder: String
    @Option(help: "The decoder to run on PNG labels and PDF pages.") var zbarimg = "zbarimg"
    @Option(help: "The PDF renderer (poppler-utils).") var pdftoppm = "pdftoppm"

    func run() throws {
        let batch = LabelBatchFolder(url: URL(fileURLWithPath: folder, isDirectory: true))
        let info = try batch.readInfo()
        let entries = try batch.readManifest()
        var problems: [String] = []
        func problem(_ en: String, _ zh: String) { problems.append("\(en)\n    \(zh)") }

        let expected = Set(info.firstSerial..<(info.firstSerial + Int64(info.count)))
        let serials = entries.map(\.serial)
        if Set(serials).count != serials.count { problem("a serial appears more than once in the manifest", "清单中有重复的序号") }
        if Set(serials) != expected {
            problem("the manifest holds \(entries.count) serial(s), not exactly the batch's \(info.count) (\(info.firstSerial)–\(info.firstSerial + Int64(info.count) - 1))",
                    "清单有 \(entries.count) 个序号，与批次的 \(info.count) 个不符")
        }
        let format = LabelFormat(rawValue: info.format) ?? .png
        let width = Millimetres.dots(info.widthMM, dpi: info.dpi), height = Millimetres.dots(info.heightMM, dpi: info.dpi)
        // A PDF batch's lines all name one document: it is read and checked once.
        var checked: [String: String] = [:], missing: Set<String> = []
        for entry in entries {
            checkURI(entry, info: info, problem: problem)
            if missing.contains(entry.file) { continue }
            if let sha256 = checked[entry.file] {
                if sha256 != entry.sha256 { problem("\(entry.file): SHA-256 differs from the manifest", "\(entry.file)：SHA-256 与清单不符") }
                continue
            }
            guard let data = FileManager.default.contents(atPath: batch.url.appendingPathComponent(entry.file).path) else {
                problem("\(entry.file): missing", "\(entry.file)：文件缺失")
                missing.insert(entry.file)
                continue
            }
            checked[entry.file] = Digests.sha256Hex(data)
            if checked[entry.file] != entry.sha256 { problem("\(entry.file): SHA-256 differs from the manifest", "\(entry.file)：SHA-256 与清单不符") }
            switch format {
            case .png:
                guard let header = PNGHeader(data) else { problem("\(entry.file): not a PNG", "\(entry.file)：不是 PNG 文件"); continue }
                if header.width != width || header.height != height {
                    problem("\(entry.file): \(header.width) × \(header.height) pixels, expected \(width) × \(height) for \(info.widthMM) × \(info.heightMM) mm at \(info.dpi) dpi",
                            "\(entry.file)：像素尺寸 \(header.width) × \(header.height)，应为 \(width) × \(height)")
                }
                if header.pixelsPerMetre != PNGEncoder.pixelsPerMetre(info.dpi) {
                    problem("\(entry.file): pHYs \(header.pixelsPerMetre.map(String.init) ?? "missing"), expected \(PNGEncoder.pixelsPerMetre(info.dpi)) pixels per metre",
                            "\(entry.file)：pHYs 与 \(info.dpi) dpi 不符")
                }
            case .svg:
                if !XMLParser(data: data).parse() { problem("\(entry.file): not well-formed XML", "\(entry.file)：不是格式正确的 XML") }
            case .zpl:
                if let error = ZPLCheck.problem(String(decoding: data, as: UTF8.self)) { problem("\(entry.file): \(error)", "\(entry.file)：ZPL 错误：\(error)") }
            case .pdf:
                if !data.starts(with: Array("%PDF-".utf8)) || !String(decoding: data.suffix(16), as: UTF8.self).contains("%%EOF") {
                    problem("\(entry.file): not a whole PDF (no %PDF- header or %%EOF end)", "\(entry.file)：不是完整的 PDF 文件")
                }
            }
        }
        var decoded = 0
        if format == .png {
            let results = try ZBarDecoder(executable: zbarimg).decode(entries.map { batch.url.appendingPathComponent($0.file).path })
            for entry in entries {
                let path = batch.url.appendingPathComponent(entry.file).path
                guard let text = results[path]?.first else {
                    problem("\(entry.file): zbarimg found no QR code", "\(entry.file)：zbarimg 未能识别二维码")
                    continue
                }
                if text == entry.uri { decoded += 1 } else {
                    problem("\(entry.file): decodes to \(text), the manifest says \(entry.uri)", "\(entry.file)：解码结果与清单不符")
                }
            }
        }
        if format == .pdf {
            decoded = try checkDocument(batch, entries: entries, problem: problem)
        }
        if problems.isEmpty {
            let decodedText = format == .png || format == .pdf ? ", all \(decoded) decoded by zbarimg to their manifest URI" : ""
            print("batch \(info.batch): \(entries.count) \(info.format) label(s) verified\(decodedText); serials unique, URIs valid Digital Link")
            print("批次 \(info.batch)：\(entries.count) 个标签核验通过")
            return
        }
        for line in problems.prefix(50) { print("- \(line)") }
        if problems.count > 50 { print("… and \(problems.count - 50) more") }
        print("batch \(info.batch): \(problems.count) problem(s) / 批次 \(info.batch)：\(problems.count) 个问题")
        throw ExitCode(1)
    }

    /// Renders a PDF batch's pages with `pdftoppm` at 300 dpi and decodes every code on
    /// them: each manifest URI must be found once, and nothing else. zbarimg scanning a
    /// whole sheet misses a code now and then (1 of 24 on one page, found at 200 and
    /// 400 dpi): codes not found are looked for again at those resolutions.
    /// - Returns: how many manifest URIs were found.
    private func checkDocument(_ batch: LabelBatchFolder, entries: [LabelBatchFolder.Entry], problem: (String, String) -> Void) throws -> Int {
        let documents = Set(entries.map(\.file)).sorted().map { batch.url.appendingPathComponent($0).path }
        var decoded = try decodePages(documents, dpi: 300, problem: problem)
        var missing = Set(entries.map(\.uri)).subtracting(decoded.keys)
        for dpi in [200, 400] where !missing.isEmpty {
            for (uri, _) in try decodePages(documents, dpi: dpi, problem: problem) where missing.remove(uri) != nil { decoded[uri] = 1 }
        }
        var found = 0
        for entry in entries {
            switch decoded.removeValue(forKey: entry.uri) ?? 0 {
            case 1: found += 1
            case 0: problem("serial \(entry.serial): its code was not found on any page", "序号 \(entry.serial)：页面上找不到它的二维码")
            case let count: problem("serial \(entry.serial): its code is on the pages \(count) times", "序号 \(entry.serial)：二维码出现了 \(count) 次")
            }
        }
        for uri in decoded.keys.sorted() {
            problem("a code on the pages is no label of the manifest: \(uri)", "页面上有清单之外的二维码：\(uri)")
        }
        return found
    }

    /// How often each text was decoded on the documents' pages rendered at `dpi`.
    private func decodePages(_ documents: [String], dpi: Int, problem: (String, String) -> Void) throws -> [String: Int] {
        let pages = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: pages) }
        var decoded: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [pdftoppm, "-r", String(dpi), "-gray", document, pages.appendingPathComponent("\(index)-page").path]
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch {
                throw CLIError(zh: "无法运行 \(pdftoppm)（请安装 poppler-utils）", en: "cannot run \(pdftoppm) (install poppler-utils)")
            }
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                problem("\(document): pdftoppm cannot render it (exit \(process.terminationStatus))", "\(document)：pdftoppm 无法渲染")
            }
        }
        let rendered = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted().map { pages.appendingPathComponent($0).path }
        for (_, texts) in try ZBarDecoder(executable: zbarimg).decode(rendered) {
            for text in texts { decoded[text, default: 0] += 1 }
        }
        return decoded
    }

    private func checkURI(_ entry: LabelBatchFolder.Entry, info: LabelBatchFolder.Info, problem: (String, String) -> Void) {
        do throws(DigitalLinkError) {
            let uri = try DigitalLinkURI(parsing: entry.uri)
            if uri.gtin.digits != info.gtin || uri.lot != info.lot || uri.serial != String(entry.serial) {
                problem("\(entry.file): the URI's GTIN, lot or serial is not the batch's", "\(entry.file)：URI 的 GTIN、批次或序号与批次不符")
            }
            if uri.description != entry.uri { problem("\(entry.file): the URI is not in canonical form", "\(entry.file)：URI 不是规范形式") }
        } catch {
            problem("\(entry.file): \(error.explanation.en)", "\(entry.file)：\(error.explanation.zh)")
        }
    }
}

/// Checks a ZPL label's frame and graphics.
enum ZPLCheck {
    static func problem(_ zpl: String) -> String? {
        guard zpl.hasPrefix("^XA"), zpl.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("^XZ") else { return "does not start with ^XA and end with ^XZ" }
        for field in zpl.components(separatedBy: "^GFA,").dropFirst() {
            let data = field.components(separatedBy: "^FS").first ?? ""
            let parts = data.split(separator: ",", maxSplits: 3)
            guard parts.count == 4, let total = Int(parts[0]), let count = Int(parts[1]), let row = Int(parts[2]), row > 0 else {
                return "a ^GFA field is malformed"
            }
            let hex = parts[3].filter { !$0.isWhitespace }
            if total != count || hex.count != total * 2 || total % row != 0 { return "a ^GFA field's byte counts disagree with its data" }
        }
        return nil
    }
}
