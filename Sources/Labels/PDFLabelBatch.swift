/// A batch's labels in one PDF, in serial order: a label a page at true size (for
/// thermal printers), or laid out on the job's sheets, from its start position on,
/// with its printer offsets and, when asked, crop marks.
public final class PDFLabelBatch {
    private let document: PDFDocument
    private let renderer: LabelRenderer
    private var placed = 0

    /// - Throws: `LabelError` when the job is not a PDF job or cairo cannot write `path`.
    public init(path: String, renderer: LabelRenderer, title: String) throws(LabelError) {
        guard renderer.job.format == .pdf else { throw .sheetNeedsPDF(format: renderer.job.format.rawValue) }
        self.renderer = renderer
        document = try PDFDocument(path: path, fontPath: renderer.job.fontPath, title: title,
                                   creationDate: renderer.job.createdAt ?? PDFDocument.fixedDate)
    }

    /// Adds the next label.
    public func add(serial: String, uri: String) throws(LabelError) {
        defer { placed += 1 }
        guard let placement = renderer.job.sheet else {
            let (width, height) = renderer.job.sizeMM
            document.beginPage(widthMM: width, heightMM: height)
            try renderer.drawPDF(serial: serial, uri: uri, on: document, x: 0, y: 0)
            return
        }
        let place = placement.place(placed)
        if place.page == document.pageCount {
            document.beginPage(widthMM: placement.sheet.pageWidthMM, heightMM: placement.sheet.pageHeightMM)
            if placement.cropMarks { SheetMarks.drawCropMarks(placement, on: document) }
        }
        try renderer.drawPDF(serial: serial, uri: uri, on: document, x: place.x, y: place.y)
    }

    /// Labels added.
    public var count: Int { placed }

    /// Writes the document's end.
    /// - Throws: `LabelError.pdf` with cairo's reason.
    public func finish() throws(LabelError) {
        try document.finish()
    }
}
