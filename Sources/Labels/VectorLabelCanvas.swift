import BrandStandards

/// Where a label is drawn as vectors, in millimetres from its top-left corner: an SVG
/// document or a PDF page. The renderer walks the layout once for both.
protocol VectorLabelCanvas {
    mutating func frame(_ element: LabelElement)
    mutating func rule(_ element: LabelElement)
    mutating func mark(_ element: LabelElement, png: [UInt8])
    /// A line of text `heightMM` high, placed in its box as the raster places it.
    mutating func text(_ placed: LabelText, text: String, heightMM: Double)
    /// A QR symbol with its quiet zone's top-left corner at (`x`, `y`).
    mutating func qr(_ symbol: QRSymbol, x: Double, y: Double, moduleMM: Double, quietZone: Int)
}

extension SVGLabel: VectorLabelCanvas {}

extension LabelText {
    /// The baseline, in mm from the label's top, of a line `heightMM` high centred in
    /// its box: the rule the raster's `LabelRenderer.baseline` follows in dots.
    func baselineMM(heightMM: Double) -> Double {
        let top = Millimetres.value(element.y), boxHeight = Millimetres.value(element.height)
        return top + (boxHeight - heightMM) / 2 + heightMM * 0.86
    }
}
