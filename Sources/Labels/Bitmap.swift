/// A grey image, one byte a pixel (0 black, 255 white), row by row: what labels are
/// drawn into before they are encoded.
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    /// A white image.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = Array(repeating: 255, count: width * height)
    }

    /// Paints a rectangle.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, value: UInt8 = 0) {
        let left = max(0, x), right = min(self.width, x + width)
        guard left < right else { return }
        for row in max(0, y)..<min(self.height, y + height) {
            let start = row * self.width
            for column in left..<right { pixels[start + column] = value }
        }
    }

    /// Draws a QR symbol with its top-left corner (quiet zone included) at (`x`, `y`),
    /// each module `dots` pixels square, with `quietZone` light modules around it.
    public mutating func draw(_ symbol: QRSymbol, x: Int, y: Int, dots: Int, quietZone: Int) {
        fill(x: x, y: y, width: (symbol.width + 2 * quietZone) * dots, height: (symbol.width + 2 * quietZone) * dots, value: 255)
        symbol.forEachDarkRun { row, column, length in
            fill(x: x + (column + quietZone) * dots, y: y + (row + quietZone) * dots, width: length * dots, height: dots)
        }
    }

    /// Draws `image` scaled into the rectangle at (`x`, `y`) of `width` × `height`
    /// pixels, each target pixel taking the average of the source pixels it covers.
    public mutating func draw(_ image: Bitmap, x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0, image.width > 0, image.height > 0 else { return }
        for row in 0..<height where (0..<self.height).contains(y + row) {
            let top = row * image.height / height, bottom = max(top + 1, (row + 1) * image.height / height)
            for column in 0..<width where (0..<self.width).contains(x + column) {
                let left = column * image.width / width, right = max(left + 1, (column + 1) * image.width / width)
                var sum = 0
                for sourceRow in top..<bottom {
                    for sourceColumn in left..<right { sum += Int(image.pixels[sourceRow * image.width + sourceColumn]) }
                }
                pixels[(y + row) * self.width + x + column] = UInt8(sum / ((bottom - top) * (right - left)))
            }
        }
    }

    /// Inks `image` over this one at (`x`, `y`): each pixel takes the darker of the two.
    public mutating func darken(with image: Bitmap, x: Int, y: Int) {
        for row in 0..<image.height where (0..<height).contains(y + row) {
            for column in 0..<image.width where (0..<width).contains(x + column) {
                let index = (y + row) * width + x + column
                pixels[index] = min(pixels[index], image.pixels[row * image.width + column])
            }
        }
    }

    /// The image as 1-bit rows (a set bit is white, as PNG grey has it), each row
    /// padded to whole bytes. Pixels darker than middle grey are black.
    public func packedOneBit() -> (bytes: [UInt8], rowBytes: Int) {
        let rowBytes = (width + 7) / 8
        var bytes = [UInt8](repeating: 0, count: rowBytes * height)
        for row in 0..<height {
            for column in 0..<width where pixels[row * width + column] >= 128 {
                bytes[row * rowBytes + column / 8] |= 0x80 >> UInt8(column % 8)
            }
        }
        return (bytes, rowBytes)
    }
}
