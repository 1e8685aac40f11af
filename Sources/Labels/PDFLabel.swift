import BrandStandards
import CCairo
import Foundation

/// A label drawn with cairo in millimetres, onto a PDF page or into a recording (a
/// label's template): frames and rules as rectangles, text in the document's font,
/// the mark as an image scaled into its box, the QR code as filled squares of
/// exactly its module size.
struct PDFLabel: VectorLabelCanvas {
    /// cairo's `cairo_t`, already moved to the label's top-left corner, in mm.
    let context: OpaquePointer
    let colours: [String: String]

    private func setColour(_ name: String?) {
        let hex = name.flatMap { colours[$0] } ?? colours["text"] ?? "#000000"
        let colour = RGB(hex: hex) ?? .black
        cairo_set_source_rgb(context, Double(colour.red) / 255, Double(colour.green) / 255, Double(colour.blue) / 255)
    }

    private static func box(_ element: LabelElement) -> (x: Double, y: Double, width: Double, height: Double) {
        (Millimetres.value(element.x), Millimetres.value(element.y), Millimetres.value(element.width), Millimetres.value(element.height))
    }

    mutating func frame(_ element: LabelElement) {
        let (x, y, width, height) = Self.box(element), line = Millimetres.value(element.lineMM ?? 0.3)
        setColour(element.colour)
        cairo_set_line_width(context, line)
        cairo_rectangle(context, x + line / 2, y + line / 2, width - line, height - line)
        cairo_stroke(context)
    }

    mutating func rule(_ element: LabelElement) {
        let (x, y, width, height) = Self.box(element)
        setColour(element.colour)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    /// The mark, its proportions kept, centred in its box. A mark cairo cannot read
    /// is left out: `LabelJobBuilder` has already refused marks that are no PNG.
    mutating func mark(_ element: LabelElement, png: [UInt8]) {
        guard let image = Self.imageSurface(png) else { return }
        defer { cairo_surface_destroy(image) }
        let (x, y, width, height) = Self.box(element)
        let pixelsWide = Double(cairo_image_surface_get_width(image)), pixelsHigh = Double(cairo_image_surface_get_height(image))
        guard pixelsWide > 0, pixelsHigh > 0 else { return }
        let scale = min(width / pixelsWide, height / pixelsHigh)
        cairo_save(context)
        cairo_translate(context, x + (width - pixelsWide * scale) / 2, y + (height - pixelsHigh * scale) / 2)
        cairo_scale(context, scale, scale)
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }

    mutating func text(_ placed: LabelText, text: String, heightMM: Double) {
        let (x, _, width, _) = Self.box(placed.element)
        setColour(placed.element.colour)
        cairo_set_font_size(context, heightMM)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        let left = switch placed.element.align ?? .left {
        case .left: x
        case .centre: x + (width - extents.x_advance) / 2
        case .right: x + width - extents.x_advance
        }
        cairo_move_to(context, left, placed.baselineMM(heightMM: heightMM))
        cairo_show_text(context, text)
        cairo_new_path(context)
    }

    mutating func qr(_ symbol: QRSymbol, x: Double, y: Double, moduleMM: Double, quietZone: Int) {
        let side = Double(symbol.width + 2 * quietZone) * moduleMM
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_rectangle(context, x, y, side, side)
        cairo_fill(context)
        cairo_set_source_rgb(context, 0, 0, 0)
        let left = x + Double(quietZone) * moduleMM, top = y + Double(quietZone) * moduleMM
        symbol.forEachDarkRun { row, column, length in
            cairo_rectangle(context, left + Double(column) * moduleMM, top + Double(row) * moduleMM, Double(length) * moduleMM, moduleMM)
        }
        cairo_fill(context)
    }

    /// A PNG read by cairo.
    private static func imageSurface(_ png: [UInt8]) -> OpaquePointer? {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(png)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + reader.offset, count: count) }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            if let surface { cairo_surface_destroy(surface) }
            return nil
        }
        return surface
    }
}
