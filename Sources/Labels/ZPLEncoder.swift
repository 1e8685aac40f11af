import Foundation

/// Writes labels for Zebra-compatible thermal printers in ZPL: `^XA … ^XZ`, graphics
/// as `^GFA` hexadecimal (a set bit is a printed dot, the opposite of a 1-bit grey
/// PNG), or a printer-native QR with `^BQN`.
public enum ZPLEncoder {
    /// A label holding `bitmap` as one `^GFA` graphic at (`x`, `y`) dots.
    public static func graphic(_ bitmap: Bitmap, x: Int = 0, y: Int = 0) -> String {
        let rowBytes = (bitmap.width + 7) / 8
        let total = rowBytes * bitmap.height
        var hex = ""
        hex.reserveCapacity(total * 2)
        let digits = Array("0123456789ABCDEF")
        for row in 0..<bitmap.height {
            for byteIndex in 0..<rowBytes {
                var byte: UInt8 = 0
                for bit in 0..<8 {
                    let column = byteIndex * 8 + bit
                    // Dark pixels print.
                    if column < bitmap.width && bitmap.pixels[row * bitmap.width + column] < 128 { byte |= 0x80 >> UInt8(bit) }
                }
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0x0F)])
            }
        }
        return "^XA\n^FO\(x),\(y)^GFA,\(total),\(total),\(rowBytes),\(hex)^FS\n^XZ\n"
    }

    /// A label with the printer's own QR code for `payload` at (`x`, `y`) dots,
    /// `magnification` dots a module (1 to 10), at error-correction level `level`
    /// (`L`, `M`, `Q` or `H`).
    public static func nativeQR(_ payload: String, x: Int = 0, y: Int = 0, magnification: Int, level: Character = "M") -> String {
        // ^FD text ends at ^FS; a caret or tilde inside would start a command.
        let data = payload.replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "~", with: "")
        return "^XA\n^FO\(x),\(y)^BQN,2,\(min(10, max(1, magnification)))^FD\(level)A,\(data)^FS\n^XZ\n"
    }
}
