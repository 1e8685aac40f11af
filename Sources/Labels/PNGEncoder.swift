import CPNG

/// Encodes bitmaps as PNG files that print at true size: a pHYs chunk for the dpi,
/// no row filters, fast zlib.
public enum PNGEncoder {
    /// The PNG pixel kinds Terroir writes.
    public enum Depth: Sendable {
        /// Black and white, 1 bit a pixel: bi-level labels, smallest and sharpest.
        case oneBit
        /// 256 greys.
        case grey
    }

    /// Encodes `bitmap`.
    /// - Parameters:
    ///   - dotsPerInch: the printer resolution, written as pixels per metre (300 dpi = 11811).
    ///   - compressionLevel: zlib level, 1 to 9.
    /// - Throws: `LabelError.pngEncoding` with libpng's message.
    public static func encode(_ bitmap: Bitmap, depth: Depth = .oneBit, dotsPerInch: Int, compressionLevel: Int = 3) throws(LabelError) -> [UInt8] {
        let rows: [UInt8], rowBytes: Int, bitDepth: Int32
        switch depth {
        case .oneBit:
            (rows, rowBytes) = bitmap.packedOneBit()
            bitDepth = 1
        case .grey:
            (rows, rowBytes) = (bitmap.pixels, bitmap.width)
            bitDepth = 8
        }
        var output = terroir_png_output()
        defer { free(output.data) }
        let status = rows.withUnsafeBufferPointer { buffer in
            terroir_png_encode(buffer.baseAddress, UInt32(bitmap.width), UInt32(bitmap.height), rowBytes, bitDepth,
                               PNG_COLOR_TYPE_GRAY, UInt32(pixelsPerMetre(dotsPerInch)), Int32(compressionLevel), &output)
        }
        guard status == 0, let data = output.data else {
            let message = withUnsafeBytes(of: output.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw .pngEncoding(message.isEmpty ? "libpng failed" : message)
        }
        return Array(UnsafeBufferPointer(start: data, count: output.size))
    }

    /// Pixels per metre for a resolution in dots per inch, rounded: 300 → 11811.
    public static func pixelsPerMetre(_ dotsPerInch: Int) -> Int {
        Int((Double(dotsPerInch) / 0.0254).rounded())
    }
}
