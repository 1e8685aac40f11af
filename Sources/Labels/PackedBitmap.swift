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

    /// Paints a black rectangle, clipped to the image.
    public mutating func fillBlack(x: Int, y: Int, width: Int, height: Int) {
        let left = max(0, x), right = min(self.width, x + width)
        let top = max(0, y), bottom = min(self.height, y + height)
        guard left < right, top < bottom else { return }
        let rowBytes = rowBytes
        bytes.withUnsafeMutableBufferPointer { buffer in
            for row in top..<bottom {
                let start = row * rowBytes
                var column = left
                // Whole bytes at once where the run covers them.
                while column < right {
                    if column % 8 == 0 && column + 8 <= right {
                        buffer[start + column / 8] = 0
                        column += 8
                    } else {
                        buffer[start + column / 8] &= ~(0x80 >> UInt8(column % 8))
                        column += 1
                    }
                }
            }
        }
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

    /// Blackens, in row `row` from byte `byte` on, the pixels whose bits are clear in
    /// `mask`: one AND a byte, for shapes such as QR codes drawn row by row.
    public mutating func blacken(row: Int, byte: Int, mask: [UInt8]) {
        guard row >= 0, row < height, byte >= 0 else { return }
        let start = row * rowBytes + byte, count = min(mask.count, rowBytes - byte)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<count { buffer[start + index] &= mask[index] }
        }
    }
}
