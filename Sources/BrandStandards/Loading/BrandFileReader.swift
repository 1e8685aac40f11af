import Foundation
import Measures

/// Reads a brand file's text, refusing what is not a small UTF-8 text file with one
/// clear diagnostic instead of a crash.
enum BrandFileReader {
    /// The largest brand file read: a standard is hand-written text, never megabytes.
    static let sizeLimit = 1 << 20

    static func read(_ url: URL, displayPath: String) -> Result<String, Diagnostic> {
        func failure(_ rule: LintRule, _ message: LocalizedText) -> Result<String, Diagnostic> {
            .failure(Diagnostic(file: displayPath, line: 0, column: 0, pointer: nil, severity: .error, rule: rule, message: message))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, attributes[.type] as? FileAttributeType != .typeDirectory else {
            return failure(.fileUnreadable, LocalizedText(zh: "无法读取文件", en: "the file cannot be read"))
        }
        if let size = attributes[.size] as? Int, size > sizeLimit {
            return failure(.fileTooLarge, LocalizedText(
                zh: "文件有 \(size) 字节，超过品牌标准文件上限 \(sizeLimit) 字节（1 MiB）",
                en: "the file has \(size) bytes, over the 1 MiB (\(sizeLimit) bytes) limit for a brand file"
            ))
        }
        guard let data = try? Data(contentsOf: url) else {
            return failure(.fileUnreadable, LocalizedText(zh: "无法读取文件", en: "the file cannot be read"))
        }
        if data.contains(0) {
            return failure(.fileBinary, LocalizedText(
                zh: "这是二进制文件，不是 YAML 文本", en: "this is a binary file, not YAML text"
            ))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            return failure(.fileEncoding, LocalizedText(
                zh: "文件不是 UTF-8 编码；请以 UTF-8 另存（GBK/GB18030 不受支持）",
                en: "the file is not UTF-8; save it as UTF-8 (GBK/GB18030 are not supported)"
            ))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(text)
    }
}
