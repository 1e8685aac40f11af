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
        mask.withUnsafeMutableBufferPointer { mask in
            guard let maskBytes = mask.baseAddress else { return }
            for row in 0..<symbol.width {
                maskBytes.update(repeating: 0xFF, count: mask.count)
                symbol.forEachDarkRun(row: row) { column, length in
                    let start = left + column * dots - firstByte * 8
                    Self.clearBits(maskBytes, from: start, to: start + length * dots)
                }
                bytes.withUnsafeMutableBufferPointer { buffer in
                    guard let pixels = buffer.baseAddress else { return }
                    for dot in 0..<dots where (0..<height).contains(top + row * dots + dot) {
                        let line = pixels + (top + row * dots + dot) * rowBytes + firstByte
                        for index in 0..<mask.count { line[index] &= maskBytes[index] }
                    }
                }
            }
        }
    }

    /// Clears bits `from..<to` (the first pixel the highest bit): whole bytes at once,
    /// the partial ones at either end by mask. Profiling put bit-by-bit clearing at 4%
    /// of a batch.
    private static func clearBits(_ bytes: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) {
        guard start < end else { return }
        let firstByte = start >> 3, lastByte = (end - 1) >> 3
        let head = UInt8(0xFF) >> UInt8(start & 7), tail = UInt8(truncatingIfNeeded: 0xFF00 >> (((end - 1) & 7) + 1))
        if firstByte == lastByte {
            bytes[firstByte] &= ~(head & tail)
            return
        }
        bytes[firstByte] &= ~head
        if lastByte > firstByte + 1 { (bytes + firstByte + 1).update(repeating: 0, count: lastByte - firstByte - 1) }
        bytes[lastByte] &= ~tail
    }
}
