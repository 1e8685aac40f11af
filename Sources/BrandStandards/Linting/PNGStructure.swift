import Foundation
import Measures

/// Reads a PNG file's structure without decoding its pixels: the signature, then
/// chunks whose lengths fit the file, an `IHDR` first with a non-zero size, at least
/// one `IDAT`, and `IEND` last. Enough for lint to tell a brand mark that labels
/// cannot use (a JPEG renamed `.png`, a cut-off download) before anything is printed.
enum PNGStructure {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// What is wrong with `bytes` as a PNG, in both languages; `nil` when nothing is.
    static func problem(in bytes: [UInt8]) -> LocalizedText? {
        guard bytes.starts(with: signature) else {
            let kind = formatName(bytes)
            return LocalizedText(zh: "不是 PNG 文件\(kind.map { "（看起来是 \($0)）" } ?? "")；请将标志另存为 PNG",
                                 en: "is not a PNG file\(kind.map { " (it looks like \($0))" } ?? ""); save the mark as PNG")
        }
        var offset = signature.count, chunks: [String] = []
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { break }
            if type == "IHDR" {
                let width = bytes[offset + 8..<offset + 12].reduce(0) { $0 << 8 | Int($1) }
                let height = bytes[offset + 12..<offset + 16].reduce(0) { $0 << 8 | Int($1) }
                if length != 13 || width == 0 || height == 0 {
                    return LocalizedText(zh: "PNG 文件头（IHDR）无效", en: "has an invalid PNG header (IHDR)")
                }
            }
            chunks.append(type)
            offset += 12 + length
        }
        guard chunks.first == "IHDR", chunks.contains("IDAT"), chunks.last == "IEND" else {
            return LocalizedText(zh: "PNG 文件不完整或已损坏（缺少图像数据或结尾）", en: "is a truncated or damaged PNG (its image data or end is missing)")
        }
        return nil
    }

    private static func formatName(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "GIF" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "WebP" }
        if bytes.starts(with: Array("<svg".utf8)) || bytes.starts(with: Array("<?xml".utf8)) { return "SVG" }
        if bytes.starts(with: Array("BM".utf8)) { return "BMP" }
        return nil
    }
}
