import CFreeType

/// A font loaded through FreeType, ready to draw text into bitmaps. It owns its
/// `FT_Library` and `FT_Face`: use one per thread, as FreeType asks. Glyphs are
/// cached per pixel size.
public final class FontFace {
    /// Debian's `fonts-wqy-microhei`, which covers Chinese and Latin.
    public static let defaultPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

    private var library: FT_Library?
    private var face: FT_Face?
    private var glyphs: [GlyphKey: Glyph] = [:]

    private struct GlyphKey: Hashable {
        let scalar: UInt32
        let pixelHeight: Int
    }

    /// A rendered glyph: its coverage (0 to 255) and how to place it.
    private struct Glyph {
        let width: Int
        let rows: Int
        let left: Int
        let top: Int
        let advance: Int
        let coverage: [UInt8]
    }

    /// Loads the font at `path`.
    /// - Throws: `LabelError.font` when FreeType cannot start or read the file.
    public init(path: String = FontFace.defaultPath) throws(LabelError) {
        guard FT_Init_FreeType(&library) == 0, let library else { throw .font("FreeType could not start") }
        guard FT_New_Face(library, path, 0, &face) == 0, face != nil else {
            FT_Done_FreeType(library)
            self.library = nil
            throw .font("cannot read the font \(path) (install fonts-wqy-microhei, or name another font)")
        }
    }

    deinit {
        if let face { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
    }

    /// The width in pixels of `text` at `pixelHeight`.
    public func width(of text: String, pixelHeight: Int) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (glyph($1, pixelHeight: pixelHeight)?.advance ?? 0) }
    }

    /// Draws `text` in black with its baseline at `baseline` and its left edge at `x`.
    public func draw(_ text: String, into bitmap: inout Bitmap, x: Int, baseline: Int, pixelHeight: Int) {
        var pen = x
        for scalar in text.unicodeScalars {
            guard let glyph = glyph(scalar, pixelHeight: pixelHeight) else { continue }
            for row in 0..<glyph.rows {
                let y = baseline - glyph.top + row
                guard y >= 0 && y < bitmap.height else { continue }
                for column in 0..<glyph.width {
                    let coverage = glyph.coverage[row * glyph.width + column]
                    let px = pen + glyph.left + column
                    guard coverage > 0, px >= 0, px < bitmap.width else { continue }
                    let index = y * bitmap.width + px
                    // Darken by coverage: ink over whatever is there.
                    bitmap.pixels[index] = min(bitmap.pixels[index], 255 - coverage)
                }
            }
            pen += glyph.advance
        }
    }

    private func glyph(_ scalar: Unicode.Scalar, pixelHeight: Int) -> Glyph? {
        let key = GlyphKey(scalar: scalar.value, pixelHeight: pixelHeight)
        if let cached = glyphs[key] { return cached }
        guard let face, FT_Set_Pixel_Sizes(face, 0, UInt32(pixelHeight)) == 0 else { return nil }
        let loadRender: Int32 = 1 << 2  // FT_LOAD_RENDER
        guard FT_Load_Char(face, FT_ULong(scalar.value), loadRender) == 0, let slot = face.pointee.glyph else { return nil }
        let bitmap = slot.pointee.bitmap
        let width = Int(bitmap.width), rows = Int(bitmap.rows), pitch = Int(bitmap.pitch)
        var coverage = [UInt8](repeating: 0, count: width * rows)
        if let buffer = bitmap.buffer {
            for row in 0..<rows {
                for column in 0..<width { coverage[row * width + column] = buffer[row * pitch + column] }
            }
        }
        let glyph = Glyph(width: width, rows: rows, left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top),
                          advance: Int(slot.pointee.advance.x >> 6), coverage: coverage)
        glyphs[key] = glyph
        return glyph
    }
}
