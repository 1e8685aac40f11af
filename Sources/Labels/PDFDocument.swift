import CCairo

/// A PDF written by cairo, page by page, drawn in millimetres from each page's
/// top-left corner. Text is drawn in a font file's face, which cairo embeds as a
/// subset; shapes stay vectors. The same drawing and `creationDate` always give the
/// same bytes, so that a resumed batch writes the document it would have written.
///
/// A document is one thread's: cairo contexts are not shared.
public final class PDFDocument {
    /// cairo's `cairo_surface_t` and `cairo_t`.
    let surface: OpaquePointer
    let context: OpaquePointer
    /// The face text is drawn in.
    let font: OpaquePointer
    private let sink: ByteSink?
    private var pages = 0
    private var finished = false

    /// Points a millimetre: PDF's unit is 1/72 inch.
    static let pointsPerMM = 72 / 25.4

    /// A document written to the file at `path`.
    /// - Parameters:
    ///   - creationDate: ISO 8601 (`2026-12-01T10:00:00Z`); cairo would otherwise write the time of the run.
    /// - Throws: `LabelError.pdf` when cairo cannot start or the font cannot be used.
    public convenience init(path: String, fontPath: String, title: String, creationDate: String) throws(LabelError) {
        guard let surface = cairo_pdf_surface_create(path, 595, 842) else { throw .pdf("cairo could not start") }
        try self.init(surface: surface, sink: nil, fontPath: fontPath, title: title, creationDate: creationDate)
    }

    /// A document kept in memory, for `finish()` to return.
    public convenience init(fontPath: String, title: String, creationDate: String) throws(LabelError) {
        let sink = ByteSink()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), 595, 842) else {
            throw .pdf("cairo could not start")
        }
        try self.init(surface: surface, sink: sink, fontPath: fontPath, title: title, creationDate: creationDate)
    }

    private init(surface: OpaquePointer, sink: ByteSink?, fontPath: String, title: String, creationDate: String) throws(LabelError) {
        self.surface = surface
        self.sink = sink
        context = cairo_create(surface)
        font = terroir_cairo_font_face(fontPath)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            let message = Self.message(cairo_surface_status(surface))
            cairo_destroy(context)
            cairo_font_face_destroy(font)
            cairo_surface_destroy(surface)
            throw .pdf(message)
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Terroir")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate)
        cairo_set_font_face(context, font)
        Self.setOutlineFontOptions(context)
        guard cairo_font_face_status(font) == CAIRO_STATUS_SUCCESS else {
            let message = Self.message(cairo_font_face_status(font))
            cairo_destroy(context)
            cairo_font_face_destroy(font)
            cairo_surface_destroy(surface)
            throw .font("cairo cannot use the font \(fontPath): \(message)")
        }
    }

    deinit {
        cairo_destroy(context)
        cairo_font_face_destroy(font)
        cairo_surface_destroy(surface)
    }

    /// Starts a page of `width` × `height` mm (the first page, or after the one drawn).
    public func beginPage(widthMM: Double, heightMM: Double) {
        if pages > 0 { cairo_show_page(context) }
        pages += 1
        cairo_pdf_surface_set_size(surface, widthMM * Self.pointsPerMM, heightMM * Self.pointsPerMM)
        cairo_identity_matrix(context)
        cairo_scale(context, Self.pointsPerMM, Self.pointsPerMM)
    }

    /// Pages begun so far.
    public var pageCount: Int { pages }

    /// Ends the last page and writes the document's end.
    /// - Returns: the bytes, for a document kept in memory.
    /// - Throws: `LabelError.pdf` with cairo's reason (a full disk, say).
    @discardableResult
    public func finish() throws(LabelError) -> [UInt8] {
        guard !finished else { return sink?.bytes ?? [] }
        finished = true
        if pages > 0 { cairo_show_page(context) }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .pdf(Self.message(status)) }
        return sink?.bytes ?? []
    }

    /// Outlines at their true size: no hinting, which would move glyphs to a screen's pixel grid.
    static func setOutlineFontOptions(_ context: OpaquePointer?) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    /// The creation date of documents whose job has none (jobs from before PDF).
    public static let fixedDate = "2026-01-01T00:00:00Z"

    static func message(_ status: cairo_status_t) -> String {
        cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo error \(status.rawValue)"
    }

    private final class ByteSink {
        var bytes: [UInt8] = []
    }
}
