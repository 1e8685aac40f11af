/// A black-and-white image packed 8 pixels a byte, as a 1-bit grey PNG wants its rows:
/// a set bit is white, the first pixel the highest bit, each row padded to whole
/// bytes. Bi-level labels are drawn straight into it, which is 8 times less memory to
/// copy and encode than a grey image.
public struct PackedBitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let rowBytes: Int
    public var bytes: [UInt8]

    /// `grey` thresholded at middle grey: darker pixels are black.
    public init(_ grey: Bitmap) {
        let packed = grey.packedOneBit()
        width = grey.width
        height = grey.height
        rowBytes = packed.rowBytes
        bytes = packed.bytes
    }

    /// Darkens the pixels where `grey`, placed at (`x`, `y`), is darker than middle grey.
    public mutating func drawBlack(_ grey: Bitmap, x: Int, y: Int) {
        let rowBytes = rowBytes, width = self.width, height = self.height
        bytes.withUnsafeMutableBufferPointer { buffer in
            grey.pixels.withUnsafeBufferPointer { source in
                for row in 0..<grey.height where (0..<height).contains(y + row) {
                    let start = (y + row) * rowBytes
                    for column in 0..<grey.width where source[row * grey.width + column] < 128 {
                        let px = x + column
                        guard px >= 0 && px < width else { continue }
                        buffer[start + px / 8] &= ~(0x80 >> UInt8(px % 8))
                    }
                }
            }
        }
    }

    /// Draws a QR symbol with its top-left corner (quiet zone included) at (`x`, `y`),
    /// each module `dots` dots square, a module row at a time: the row's dark modules
    /// are cleared in a mask once, which is then ANDed into each of its dot rows. The
    /// quiet zone is left as it is (white in a label's template).
    public mutating func draw(_ symbol: QRSymbol, x: Int, y: Int, dots: Int, quietZone: Int) {
        let left = x + quietZone * dots, top = y + quietZone * dots
        guard left >= 0, left + symbol.width * dots <= width else { return }
        let firstByte = left / 8, lastByte = (left + symbol.width * dots - 1) / 8
        var mask = [UInt8](repeating: 0xFF, count: lastByte - firstByte + 1)
        let rowBytes = rowBytes, height = height
        for row in 0..<symbol.width {
            for index in mask.indices { mask[index] = 0xFF }
            symbol.forEachDarkRun(row: row) { column, length in
                let start = left + column * dots - firstByte * 8
                for bit in start..<(start + length * dots) { mask[bit >> 3] &= ~(0x80 >> UInt8(bit & 7)) }
            }
            bytes.withUnsafeMutableBufferPointer { buffer in
                for dot in 0..<dots where (0..<height).contains(top + row * dots + dot) {
                    let start = (top + row * dots + dot) * rowBytes + firstByte
                    for index in mask.indices { buffer[start + index] &= mask[index] }
                }
            }
        }
    }
}
