import CPNG

/// Reads PNG images (brand marks) into grey bitmaps, through libpng's simplified
/// API, which catches its own errors: no longjmp reaches Swift.
public enum PNGDecoder {
    /// Decodes a PNG of any colour type into 8-bit grey, composited on white.
    /// - Throws: `LabelError.pngEncoding` with libpng's message for a file it cannot read.
    public static func decodeGrey(_ bytes: [UInt8]) throws(LabelError) -> Bitmap {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let started = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard started != 0 else { throw .pngEncoding("not a readable PNG: \(message(image))") }
        image.format = UInt32(PNG_FORMAT_GRAY)
        var bitmap = Bitmap(width: Int(image.width), height: Int(image.height))
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = bitmap.pixels.withUnsafeMutableBytes { png_image_finish_read(&image, &white, $0.baseAddress, 0, nil) }
        guard finished != 0 else { throw .pngEncoding("cannot decode the PNG: \(message(image))") }
        return bitmap
    }

    private static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
