import Foundation

/// Writes labels for Zebra-compatible thermal printers in ZPL: `^XA … ^XZ`, graphics
/// as `^GFA` hexadecimal (a set bit is a printed dot, the opposite of a 1-bit grey
/// PNG), or a printer-native QR with `^BQN`.
public enum ZPLEncoder {
    /// A QR code the printer draws itself.
    public struct NativeQR: Sendable {
        public var payload: String
        /// The top-left corner, in dots.
        public var x: Int, y: Int
        /// Dots a module, 1 to 10.
        public var magnification: Int
        /// `L`, `M`, `Q` or `H`.
        public var level: String

        public init(payload: String, x: Int, y: Int, magnification: Int, level: String) {
            self.payload = payload
            self.x = x
            self.y = y
            self.magnification = magnification
            self.level = level
        }
    }

    /// A whole label: its print width and length, the image as one `^GFA` graphic at
    /// the origin, and optionally a native QR code.
    public static func label(_ image: PackedBitmap, nativeQR: NativeQR? = nil) -> String {
        var zpl = "^XA\n^PW\(image.width)\n^LL\(image.height)\n" + graphicField(image, x: 0, y: 0)
        if let nativeQR { zpl += qrField(nativeQR) }
        return zpl + "^XZ\n"
    }

    /// A label holding `bitmap` as one `^GFA` graphic at (`x`, `y`) dots.
    public static func graphic(_ bitmap: Bitmap, x: Int = 0, y: Int = 0) -> String {
        "^XA\n" + graphicField(PackedBitmap(bitmap), x: x, y: y) + "^XZ\n"
    }

    /// A label with the printer's own QR code for `payload` at (`x`, `y`) dots,
    /// `magnification` dots a module (1 to 10), at error-correction level `level`.
    public static func nativeQR(_ payload: String, x: Int = 0, y: Int = 0, magnification: Int, level: Character = "M") -> String {
        "^XA\n" + qrField(NativeQR(payload: payload, x: x, y: y, magnification: magnification, level: String(level))) + "^XZ\n"
    }

    /// `^FO x,y ^GFA,total,total,rowBytes,hex ^FS`: printed dots are set bits, so the
    /// packed image's bits (set = white) are inverted.
    static func graphicField(_ image: PackedBitmap, x: Int, y: Int) -> String {
        let total = image.bytes.count
        let digits = Array("0123456789ABCDEF".utf8)
        var hex = [UInt8](repeating: 0, count: total * 2)
        var padding: UInt8 = 0
        // Bits past the right edge are padding, never printed.
        if image.width % 8 != 0 { padding = 0xFF >> UInt8(image.width % 8) }
        image.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<total {
                var byte = ~bytes[index]
                if padding != 0 && (index + 1) % image.rowBytes == 0 { byte &= ~padding }
                hex[index * 2] = digits[Int(byte >> 4)]
                hex[index * 2 + 1] = digits[Int(byte & 0x0F)]
            }
        }
        return "^FO\(x),\(y)^GFA,\(total),\(total),\(image.rowBytes),\(String(decoding: hex, as: UTF8.self))^FS\n"
    }

    static func qrField(_ qr: NativeQR) -> String {
        // ^FD text ends at ^FS; a caret or tilde inside would start a command.
        let data = qr.payload.replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "~", with: "")
        return "^FO\(qr.x),\(qr.y)^BQN,2,\(min(10, max(1, qr.magnification)))^FD\(qr.level)A,\(data)^FS\n"
    }
}
