import BrandStandards
import CCairo

/// What is the same on every PDF label of a job, recorded once by cairo and painted
/// under each label: PDF viewers and printers then read one copy of it, however many
/// labels a document holds.
final class PDFTemplate {
    /// cairo's recording surface, in mm.
    private let recording: OpaquePointer
    private let colours: [String: String]

    init(job: LabelJob, draw: (inout PDFLabel) throws(LabelError) -> Void) throws(LabelError) {
        let (width, height) = job.sizeMM
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        guard let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else { throw .pdf("cairo could not start") }
        self.recording = recording
        colours = job.rules.colours
        let context = cairo_create(recording)
        defer { cairo_destroy(context) }
        let font = terroir_cairo_font_face(job.fontPath)
        defer { cairo_font_face_destroy(font) }
        guard cairo_font_face_status(font) == CAIRO_STATUS_SUCCESS else {
            throw .font("cairo cannot use the font \(job.fontPath): \(PDFDocument.message(cairo_font_face_status(font)))")
        }
        cairo_set_font_face(context, font)
        PDFDocument.setOutlineFontOptions(context)
        guard let context else { throw .pdf("cairo could not start") }
        var canvas = PDFLabel(context: context, colours: colours)
        try draw(&canvas)
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else { throw .pdf(PDFDocument.message(status)) }
    }

    deinit { cairo_surface_destroy(recording) }

    /// Paints the template with its top-left corner at (`x`, `y`) mm of the document's
    /// page and returns a canvas there, for the label's own lines; call
    /// `finishPainting` when they are drawn.
    func paint(on document: PDFDocument, x: Double, y: Double) -> PDFLabel {
        let context = document.context
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_set_source_surface(context, recording, 0, 0)
        cairo_paint(context)
        return PDFLabel(context: context, colours: colours)
    }

    func finishPainting(on document: PDFDocument) {
        cairo_restore(document.context)
    }
}
