import Foundation
import Measures

/// A column header as a person typed it, taken apart the way `ColumnVocabulary`
/// matches it: `单只重量（两）` is the name `单只重量` with the note `两`.
public struct ColumnHeader: Equatable, Sendable {
    /// The header as written, trimmed.
    public let text: String
    /// The whole header, normalised (see `normalize`).
    public let normalized: String
    /// The header without a trailing bracketed note (`(kg)`, `（元）`, `[两]`, `【备注】`), normalised;
    /// `nil` when it has none.
    public let name: String?
    /// The bracketed note's text, trimmed (for a unit: `kg`, `两`).
    public let note: String?

    /// Takes a header apart.
    public init(_ text: String) {
        let trimmed = text.trimmed
        self.text = trimmed
        normalized = Self.normalize(trimmed)
        let closers: [Character: Character] = [")": "(", "]": "[", "】": "【"]
        if let last = normalized.last, let opener = closers[last],
           let open = normalized.lastIndex(of: opener), open > normalized.startIndex {
            let inside = normalized[normalized.index(after: open)..<normalized.index(before: normalized.endIndex)]
            name = String(normalized[..<open]).trimmed
            note = String(inside).trimmed
        } else {
            name = nil
            note = nil
        }
    }

    /// Full-width forms made ASCII (`（` → `(`), lower case, `-` as `_`, one space
    /// between words.
    public static func normalize(_ text: String) -> String {
        text.halfWidth.lowercased().replacingOccurrences(of: "-", with: "_")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
