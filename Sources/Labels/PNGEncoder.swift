import CDeflate

/// Writes images as PNG files that print at true size (a pHYs chunk for the dpi).
///
/// The chunks are written here and compressed by libdeflate, in one call over the
/// whole image: profiling `labels generate` with libpng over zlib put a third of the
/// time in zlib's streaming deflate. Black-and-white rows get the Up filter, which
/// turns the dot rows that repeat a QR module row, and the template's blank rows,
/// into zeros. The same pixels always give the same bytes.
///
/// An encoder owns a libdeflate compressor, so it belongs to one thread: make one per
/// worker, as a `LabelRenderer` does.
public final class PNGEncoder {
    /// The PNG pixel kinds Terroir writes from a grey bitmap.
    public enum Depth: Sendable {
        /// Black and white, 1 bit a pixel: bi-level labels, smallest and sharpest.
        case oneBit
        /// 256 greys.
        case grey
    }

    private let compressor: OpaquePointer
    private var scratch: [UInt8] = []
    private var output: [UInt8] = []

    /// - Parameter compressionLevel: libdeflate's level, 1 (fastest) to 12 (smallest).
    ///   Level 1 writes labels 50% faster than level 6 (3,550/s against 2,410/s for
    ///   3,000 60 × 40 mm labels on 2 cores), in files 10% larger (6.3 KB against 5.8 KB).
    public init(compressionLevel: Int = 1) {
        // Allocation fails only when memory is exhausted, which nothing here could recover from.
        guard let compressor = libdeflate_alloc_compressor(Int32(min(max(compressionLevel, 1), 12))) else {
            fatalError("libdeflate could not allocate a compressor: out of memory")
        }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// Encodes `bitmap`: thresholded to black and white, or as greys.
    /// - Parameter dotsPerInch: the printer resolution, written as pixels per metre (300 dpi = 11811).
    public func encode(_ bitmap: Bitmap, depth: Depth = .oneBit, dotsPerInch: Int) -> [UInt8] {
        switch depth {
        case .oneBit:
            encode(PackedBitmap(bitmap), dotsPerInch: dotsPerInch)
        case .grey:
            encode(rows: bitmap.pixels, width: bitmap.width, height: bitmap.height, rowBytes: bitmap.width,
                   bitDepth: 8, colourType: .grey, upFilter: false, dotsPerInch: dotsPerInch)
        }
    }

    /// Encodes a black-and-white image as a 1-bit grey PNG.
    public func encode(_ packed: PackedBitmap, dotsPerInch: Int) -> [UInt8] {
        encode(rows: packed.bytes, width: packed.width, height: packed.height, rowBytes: packed.rowBytes,
               bitDepth: 1, colourType: .grey, upFilter: true, dotsPerInch: dotsPerInch)
    }

    /// Encodes 8-bit RGB pixels (three bytes a pixel, row by row).
    public func encodeRGB(_ pixels: [UInt8], width: Int, height: Int, dotsPerInch: Int) -> [UInt8] {
        encode(rows: pixels, width: width, height: height, rowBytes: width * 3,
               bitDepth: 8, colourType: .rgb, upFilter: false, dotsPerInch: dotsPerInch)
    }

    /// Pixels per metre for a resolution in dots per inch, rounded: 300 → 11811.
    public static func pixelsPerMetre(_ dotsPerInch: Int) -> Int {
        Int((Double(dotsPerInch) / 0.0254).rounded())
    }

    // MARK: Writing

    private enum ColourType: UInt8 {
        case grey = 0
        case rgb = 2
    }

    private func encode(rows: [UInt8], width: Int, height: Int, rowBytes: Int, bitDepth: UInt8, colourType: ColourType,
                        upFilter: Bool, dotsPerInch: Int) -> [UInt8] {
        filter(rows, height: height, rowBytes: rowBytes, up: upFilter)
        let idat = compressed()
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(idat.count + 80)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [bitDepth, colourType.rawValue, 0, 0, 0]
        Self.appendChunk("IHDR", header, to: &png)
        let metre = UInt32(Self.pixelsPerMetre(dotsPerInch))
        var physical: [UInt8] = []
        physical.appendBigEndian(metre)
        physical.appendBigEndian(metre)
        physical.append(1)  // the unit is the metre
        Self.appendChunk("pHYs", physical, to: &png)
        Self.appendChunk("IDAT", idat, to: &png)
        Self.appendChunk("IEND", [], to: &png)
        return png
    }

    /// Fills `scratch` with the rows as PNG filters them: a filter byte before each row,
    /// then its bytes as they are (None) or less the bytes above them (Up).
    private func filter(_ rows: [UInt8], height: Int, rowBytes: Int, up: Bool) {
        let count = height * (rowBytes + 1)
        if scratch.count != count { scratch = [UInt8](repeating: 0, count: count) }
        rows.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { out in
                guard let source = source.baseAddress, let out = out.baseAddress else { return }
                for row in 0..<height {
                    let from = source + row * rowBytes, to = out + row * (rowBytes + 1)
                    to.pointee = up ? 2 : 0
                    if up && row > 0 {
                        let above = from - rowBytes
                        for index in 0..<rowBytes { to[1 + index] = from[index] &- above[index] }
                    } else {
                        (to + 1).update(from: from, count: rowBytes)
                    }
                }
            }
        }
    }

    /// `scratch` as a zlib stream, compressed into a buffer kept from call to call.
    private func compressed() -> ArraySlice<UInt8> {
        let bound = libdeflate_zlib_compress_bound(compressor, scratch.count)
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let written = scratch.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { libdeflate_zlib_compress(compressor, input.baseAddress, input.count, $0.baseAddress, $0.count) }
        }
        // The buffer is libdeflate's own bound for this input, so the stream always fits.
        precondition(written > 0, "libdeflate's output exceeded its own bound")
        return output[0..<written]
    }

    private static func appendChunk(_ type: StaticString, _ data: some Collection<UInt8>, to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typeBytes = type.withUTF8Buffer { Array($0) }
        var crc = typeBytes.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
        crc = data.withContiguousStorageIfAvailable { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) } ?? Array(data).withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) }
        png += typeBytes
        png += data
        png.appendBigEndian(crc)
    }
}

private extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
