import Foundation

/// Where things go on a label of one size, as `Brands/<id>/labels/<size>.yaml` says:
/// every element placed in millimetres from the label's top-left corner.
public struct LabelLayout: Equatable, Sendable, Codable {
    /// The id of the label size it lays out (also its file name).
    public var size: String
    /// What is drawn, in drawing order.
    public var elements: [LabelElement]
    /// The category it is for (`labels/<category>/<size>.yaml`), or `nil` for the
    /// brand's layout of the size, used by every category without its own.
    public var category: String?

    /// Creates a layout.
    public init(size: String, elements: [LabelElement], category: String? = nil) {
        self.size = size
        self.elements = elements
        self.category = category
    }

    enum CodingKeys: String, CodingKey {
        case size, elements, category
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        size = try container.decode(String.self, forKey: .size)
        elements = try container.decode([LabelElement].self, forKey: .elements)
        category = try container.decodeIfPresent(String.self, forKey: .category)
    }

    /// Writes the layout; `category` only when set, so that a brand's layouts stay
    /// byte for byte as they were published.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(size, forKey: .size)
        try container.encode(elements, forKey: .elements)
        try container.encodeIfPresent(category, forKey: .category)
    }

    /// Every field its text shows (`{name.en}` counts as `name`), in order, once each.
    public var fields: [String] {
        var seen: Set<String> = []
        return elements.flatMap { $0.placeholders.map(LabelElement.field(of:)) }.filter { seen.insert($0).inserted }
    }
}

/// One thing on a label: a frame, a filled rule, the brand mark, a line of text or
/// the QR code, in its box.
public struct LabelElement: Equatable, Sendable, Codable {
    /// What an element draws.
    public enum Kind: String, Equatable, Sendable, Codable, CaseIterable {
        /// The outline of its box, `lineMM` thick.
        case frame
        /// Its box, filled.
        case rule
        /// The brand mark, scaled to fit its box.
        case mark
        /// One line of text made from a template.
        case text
        /// The QR code, as large as whole printer dots allow inside its box.
        case qr
    }

    /// How a line of text sits in its box.
    public enum Alignment: String, Equatable, Sendable, Codable, CaseIterable {
        case left, centre, right
    }

    public var kind: Kind
    /// The box, in mm.
    public var x: Decimal
    public var y: Decimal
    public var width: Decimal
    public var height: Decimal
    /// For text: the template, with `{field}` placeholders (`{name}`, `{name.en}`,
    /// `{lot}`, `{net_content}`, …).
    public var text: String?
    /// For text: the character height in mm, which shrink-to-fit may lower down to
    /// the standard's minimum.
    public var sizeMM: Decimal?
    /// For text.
    public var align: Alignment?
    /// A colour name of the standard (`primary`, `secondary`, `text`); text colour when absent.
    public var colour: String?
    /// For a frame: the line width in mm.
    public var lineMM: Decimal?

    /// Creates an element.
    public init(kind: Kind, x: Decimal, y: Decimal, width: Decimal, height: Decimal, text: String? = nil,
                sizeMM: Decimal? = nil, align: Alignment? = nil, colour: String? = nil, lineMM: Decimal? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.text = text
        self.sizeMM = sizeMM
        self.align = align
        self.colour = colour
        self.lineMM = lineMM
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", x, y, width, height, text, sizeMM = "size_mm", align, colour, lineMM = "line_mm"
    }

    /// The placeholders of a text template, in order: `"批次 {lot}"` → `["lot"]`.
    public var placeholders: [String] {
        guard let text else { return [] }
        return LabelElement.placeholders(in: text)
    }

    /// The placeholders of `template`.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = [], current: String?
        for character in template {
            switch character {
            case "{": current = ""
            case "}":
                if let name = current { names.append(name) }
                current = nil
            default: current?.append(character)
            }
        }
        return names
    }

    /// A placeholder without its language suffix: `name.en` → `name`.
    public static func field(of placeholder: String) -> String {
        placeholder.hasSuffix(".zh") || placeholder.hasSuffix(".en") ? String(placeholder.dropLast(3)) : placeholder
    }
}
