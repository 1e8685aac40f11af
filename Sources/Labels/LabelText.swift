import BrandStandards
import Foundation

/// A text element of a layout resolved for one product: its template, its box in
/// dots, and the height it is drawn at after shrink-to-fit.
struct LabelText {
    let element: LabelElement
    let template: String
    /// The box, in dots.
    let x: Int, y: Int, width: Int, height: Int
    /// The smallest character height allowed, in dots: the standard's minimum, or GB 7718's for the net content.
    let floorDots: Int
    let startDots: Int
    let dpi: Int

    /// Whether the text changes from label to label.
    var isPerLabel: Bool { element.placeholders.contains(LabelFields.serial) }

    init(_ element: LabelElement, job: LabelJob) throws(LabelError) {
        self.element = element
        template = element.text ?? ""
        let dpi = job.dpi
        self.dpi = dpi
        x = Millimetres.dots(element.x, dpi: dpi)
        y = Millimetres.dots(element.y, dpi: dpi)
        width = Millimetres.dots(element.width, dpi: dpi)
        height = Millimetres.dots(element.height, dpi: dpi)
        var floor = job.rules.minTextHeightMM ?? 0
        if let grams = job.netContentGrams, element.placeholders.contains("net_content") {
            floor = max(floor, NetContentHeight.minimumMM(grams: grams))
        }
        let size = element.sizeMM ?? floor
        if size < floor {
            throw .textTooSmall(text: template, sizeMM: NSDecimalNumber(decimal: size).doubleValue, minimumMM: NSDecimalNumber(decimal: floor).doubleValue)
        }
        floorDots = Int((NSDecimalNumber(decimal: floor).doubleValue * Double(dpi) / 25.4).rounded(.up))
        startDots = max(floorDots, Millimetres.dots(size, dpi: dpi))
    }

    /// The template with its placeholders filled.
    func text(_ values: [String: String], serial: String?) throws(LabelError) -> String {
        var result = "", name: String?
        for character in template {
            switch character {
            case "{": name = ""
            case "}":
                guard let placeholder = name else { result.append(character); continue }
                name = nil
                if placeholder == LabelFields.serial, let serial {
                    result += serial
                } else if let value = values[placeholder] {
                    result += value
                } else {
                    throw .missingValue(placeholder: placeholder)
                }
            default:
                if name != nil { name!.append(character) } else { result.append(character) }
            }
        }
        return result
    }

    /// The largest character height in dots, from the element's size down to the
    /// floor, at which `text` fits the box's width.
    func fittedHeight(of text: String, font: FontFace) throws(LabelError) -> Int {
        var dots = startDots
        while font.width(of: text, pixelHeight: dots) > width {
            dots -= 1
            if dots < floorDots || dots < 1 {
                throw .textDoesNotFit(text: text, minimumMM: Millimetres.fromDots(floorDots, dpi: dpi))
            }
        }
        return dots
    }
}
