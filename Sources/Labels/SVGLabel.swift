import BrandStandards
import Foundation
import Measures

/// A label as an SVG document, built element by element in millimetres: frames and
/// rules as rectangles, text as text in the CJK font, the mark as an embedded PNG, the
/// QR code as one path.
struct SVGLabel {
    private var body: String
    private let colours: [String: String]

    /// The fonts a viewer should use, the one the raster labels use first.
    static let fontFamily = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"

    init(widthMM: Decimal, heightMM: Decimal, colours: [String: String]) {
        let width = widthMM.plainText, height = heightMM.plainText
        body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)mm" height="\(height)mm" viewBox="0 0 \(width) \(height)">
            <rect width="\(width)" height="\(height)" fill="#FFFFFF"/>

            """
        self.colours = colours
    }

    /// Goes on from a document made earlier (a template).
    init(continuing document: String, colours: [String: String]) {
        body = document
        self.colours = colours
    }

    var document: String { body }
    var finished: String { body + "</svg>\n" }

    private func colour(_ name: String?) -> String {
        name.flatMap { colours[$0] } ?? colours["text"] ?? "#000000"
    }

    private static func mm(_ value: Decimal) -> String { SVGEncoder.formatted(NSDecimalNumber(decimal: value).doubleValue) }
    private static func mm(_ value: Double) -> String { SVGEncoder.formatted(value) }

    mutating func frame(_ element: LabelElement) {
        let line = element.lineMM ?? 0.3
        body += "<rect x=\"\(Self.mm(element.x + line / 2))\" y=\"\(Self.mm(element.y + line / 2))\" "
            + "width=\"\(Self.mm(element.width - line))\" height=\"\(Self.mm(element.height - line))\" "
            + "fill=\"none\" stroke=\"\(colour(element.colour))\" stroke-width=\"\(Self.mm(line))\"/>\n"
    }

    mutating func rule(_ element: LabelElement) {
        body += "<rect x=\"\(Self.mm(element.x))\" y=\"\(Self.mm(element.y))\" width=\"\(Self.mm(element.width))\" "
            + "height=\"\(Self.mm(element.height))\" fill=\"\(colour(element.colour))\"/>\n"
    }

    mutating func mark(_ element: LabelElement, png: [UInt8]) {
        body += "<image x=\"\(Self.mm(element.x))\" y=\"\(Self.mm(element.y))\" width=\"\(Self.mm(element.width))\" "
            + "height=\"\(Self.mm(element.height))\" preserveAspectRatio=\"xMidYMid meet\" "
            + "href=\"data:image/png;base64,\(Data(png).base64EncodedString())\"/>\n"
    }

    mutating func text(_ placed: LabelText, text: String, heightMM: Double) {
        let element = placed.element
        let x = Millimetres.value(element.x), width = Millimetres.value(element.width)
        let (anchorX, anchor) = switch element.align ?? .left {
        case .left: (x, "start")
        case .centre: (x + width / 2, "middle")
        case .right: (x + width, "end")
        }
        let baseline = placed.baselineMM(heightMM: heightMM)
        body += "<text x=\"\(Self.mm(anchorX))\" y=\"\(Self.mm(baseline))\" font-family=\"\(Self.fontFamily)\" "
            + "font-size=\"\(Self.mm(heightMM))\" text-anchor=\"\(anchor)\" fill=\"\(colour(element.colour))\">\(Self.escaped(text))</text>\n"
    }

    mutating func qr(_ symbol: QRSymbol, x: Double, y: Double, moduleMM: Double, quietZone: Int) {
        let side = symbol.width + 2 * quietZone
        body += "<g transform=\"translate(\(Self.mm(x)) \(Self.mm(y))) scale(\(Self.mm(moduleMM)))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#FFFFFF\"/>"
            + "<path d=\"\(SVGEncoder.path(symbol, quietZone: quietZone))\" fill=\"#000000\"/></g>\n"
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
