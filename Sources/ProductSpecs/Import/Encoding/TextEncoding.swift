import Foundation
import Measures

/// The encodings product and producer files are read in. Others are not guessed.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf-8"
    /// GB18030, and so GBK and GB2312 (its subsets): what Excel and WPS write by
    /// default for CSV on Chinese systems.
    case gb18030
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"

    /// The encoding's name as people know it.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030 (GBK)"
        case .utf16LittleEndian: "UTF-16 LE"
        case .utf16BigEndian: "UTF-16 BE"
        }
    }

    /// What a file's first bytes show: a byte-order mark, or UTF-16 text without one
    /// (ASCII in UTF-16 has a NUL in every other byte; UTF-8 and GB18030 text none).
    /// - Returns: the encoding and the length of its mark; `nil` for 8-bit text.
    static func marked(_ head: [UInt8]) -> (encoding: TextEncoding, markLength: Int)? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        guard head.count >= 4 else { return nil }
        let pairs = head.count / 2
        let evenNUL = (0..<pairs).filter { head[2 * $0] == 0 }.count, oddNUL = (0..<pairs).filter { head[2 * $0 + 1] == 0 }.count
        // Most characters of a CSV are ASCII: digits, commas, ids.
        // (Characters such as U+4E00 have a NUL byte of their own.)
        if oddNUL * 2 > pairs && evenNUL * 4 < oddNUL { return (.utf16LittleEndian, 0) }
        if evenNUL * 2 > pairs && oddNUL * 4 < evenNUL { return (.utf16BigEndian, 0) }
        return nil
    }

    /// How 8-bit text reads.
    enum Reading: Equatable {
        /// ASCII only: any of the encodings.
        case ascii
        case utf8
        case gb18030
        /// Valid both as UTF-8 of two-byte characters only (accented Latin, Cyrillic)
        /// and as GB18030: nothing tells which was meant.
        case ambiguous
        /// Neither UTF-8 nor GB18030.
        case neither
    }

    /// Reads 8-bit text's encoding from its bytes. UTF-8 that has characters of three
    /// or four bytes (any Chinese) is UTF-8: GBK text almost never is.
    static func reading(_ bytes: ArraySlice<UInt8>, gb18030: GB18030Decoder) -> Reading {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return .ascii }
        if String(validating: bytes, as: UTF8.self) != nil {
            if bytes.contains(where: { $0 >= 0xE0 }) { return .utf8 }
            return gb18030.decode(bytes) == nil ? .utf8 : .ambiguous
        }
        return gb18030.decode(bytes) == nil ? .neither : .gb18030
    }
}
