import CPNG

/// Encodes images as PNG files that print at true size: a pHYs chunk for the dpi,
/// fast zlib (run-length matching and the Up filter for black-and-white labels).
public enum PNGEncoder {
    /// The PNG pixel kinds Terroir writes from a grey bitmap.
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
        switch depth {
        case .oneBit:
            return try encode(PackedBitmap(bitmap), dotsPerInch: dotsPerInch, compressionLevel: compressionLevel)
        case .grey:
            return try encode(rows: bitmap.pixels, width: bitmap.width, height: bitmap.height, rowBytes: bitmap.width, bitDepth: 8,
                              colourType: PNG_COLOR_TYPE_GRAY, dotsPerInch: dotsPerInch, compressionLevel: compressionLevel)
        }
    }

    /// Encodes a black-and-white image as a 1-bit grey PNG.
    public static func encode(_ packed: PackedBitmap, dotsPerInch: Int, compressionLevel: Int = 3) throws(LabelError) -> [UInt8] {
        try encode(rows: packed.bytes, width: packed.width, height: packed.height, rowBytes: packed.rowBytes, bitDepth: 1,
                   colourType: PNG_COLOR_TYPE_GRAY, dotsPerInch: dotsPerInch, compressionLevel: compressionLevel)
    }

    /// Encodes 8-bit RGB pixels (three bytes a pixel, row by row).
    public static func encodeRGB(_ pixels: [UInt8], width: Int, height: Int, dotsPerInch: Int, compressionLevel: Int = 3) throws(LabelError) -> [UInt8] {
        try encode(rows: pixels, width: width, height: height, rowBytes: width * 3, bitDepth: 8,
                   colourType: PNG_COLOR_TYPE_RGB, dotsPerInch: dotsPerInch, compressionLevel: compressionLevel)
    }

    private static func encode(rows: [UInt8], width: Int, height: Int, rowBytes: Int, bitDepth: Int32, colourType: Int32,
                               dotsPerInch: Int, compressionLevel: Int) throws(LabelError) -> [UInt8] {
        var output = terroir_png_output()
        defer { free(output.data) }
        let status = rows.withUnsafeBufferPointer { buffer in
            terroir_png_encode(buffer.baseAddress, UInt32(width), UInt32(height), rowBytes, bitDepth,
                               colourType, UInt32(pixelsPerMetre(dotsPerInch)), Int32(compressionLevel), &output)
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
