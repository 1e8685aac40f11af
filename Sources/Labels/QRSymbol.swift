import BrandStandards
import CQRencode

/// A QR symbol: its version and its modules, dark or light, row by row. Made by
/// libqrencode; a payload that is not ASCII (Chinese text) is preceded by an ECI 26
/// (UTF-8) header, without which common decoders misread it.
public struct QRSymbol: Sendable, Equatable {
    /// The QR version (1 to 40): the symbol is `17 + 4 × version` modules wide.
    public let version: Int
    /// Modules per side.
    public let width: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `payload`.
    /// - Parameters:
    ///   - level: the error-correction level.
    ///   - minimumVersion: the smallest version to use (0: the smallest that fits).
    /// - Throws: `LabelError.qrEncoding` when libqrencode refuses.
    public init(_ payload: String, level: ErrorCorrectionLevel = .M, minimumVersion: Int = 0) throws(LabelError) {
        let bytes = Array(payload.utf8)
        let eclevel: QRecLevel = switch level {
        case .L: QR_ECLEVEL_L
        case .M: QR_ECLEVEL_M
        case .Q: QR_ECLEVEL_Q
        case .H: QR_ECLEVEL_H
        }
        guard let input = QRinput_new2(Int32(minimumVersion), eclevel) else { throw .qrEncoding("libqrencode could not start") }
        defer { QRinput_free(input) }
        if bytes.contains(where: { $0 >= 0x80 }) {
            guard QRinput_appendECIheader(input, 26) == 0 else { throw .qrEncoding("cannot add the ECI header") }
        }
        let appended = bytes.withUnsafeBufferPointer { QRinput_append(input, QR_MODE_8, Int32($0.count), $0.baseAddress) }
        guard appended == 0 else { throw .qrEncoding("libqrencode refused the payload") }
        guard let code = QRcode_encodeInput(input) else {
            throw .qrEncoding("the payload of \(bytes.count) bytes does not fit a QR symbol at level \(level.rawValue)")
        }
        defer { QRcode_free(code) }
        version = Int(code.pointee.version)
        width = Int(code.pointee.width)
        // libqrencode marks a dark module with the lowest bit of each byte.
        modules = (0..<(width * width)).map { (code.pointee.data[$0] & 1) == 1 }
    }

    /// Whether the module at (`column`, `row`) is dark.
    public func isDark(column: Int, row: Int) -> Bool {
        modules[row * width + column]
    }

    /// Calls `body` with each horizontal run of dark modules: its row, first column
    /// and length, row by row.
    public func forEachDarkRun(_ body: (_ row: Int, _ column: Int, _ length: Int) -> Void) {
        for row in 0..<width {
            forEachDarkRun(row: row) { body(row, $0, $1) }
        }
    }

    /// Calls `body` with each run of dark modules in one row: its first column and length.
    public func forEachDarkRun(row: Int, _ body: (_ column: Int, _ length: Int) -> Void) {
        var column = 0
        while column < width {
            guard isDark(column: column, row: row) else { column += 1; continue }
            var length = 1
            while column + length < width && isDark(column: column + length, row: row) { length += 1 }
            body(column, length)
            column += length
        }
    }
}
