import Foundation
import Measures
import Yams

/// Turns a layout file's YAML nodes (`Brands/<id>/labels/<size>.yaml`) into a
/// `LabelLayout`, reporting every structural problem to the collector.
struct LabelLayoutLoader {
    let collector: DiagnosticCollector

    private static let boxKeys = ["type", "x", "y", "width", "height"]
    /// The keys each kind of element takes besides its type and box.
    private static let extraKeys: [LabelElement.Kind: [String]] = [
        .frame: ["line_mm", "colour"],
        .rule: ["colour"],
        .mark: [],
        .text: ["text", "size_mm", "align", "colour"],
        .qr: [],
    ]
    private static let allKeys = boxKeys + ["text", "size_mm", "align", "colour", "line_mm"]

    func load(_ root: Node, size: String, category: String? = nil) -> LabelLayout? {
        let value = YAMLValue(node: root, pointer: "", collector: collector)
        guard let layout = value.mapping(allowed: ["elements"]) else { return nil }
        let elements = layout.required("elements")?.list(element) ?? []
        return LabelLayout(size: size, elements: elements, category: category)
    }

    private func element(_ value: YAMLValue) -> LabelElement? {
        guard let element = value.mapping(allowed: Self.allKeys),
              let kind = element.required("type")?.choice(LabelElement.Kind.self) else { return nil }
        let extra = Self.extraKeys[kind] ?? []
        element.reportNotApplicable(Self.allKeys.filter { !Self.boxKeys.contains($0) && !extra.contains($0) },
                                    because: LocalizedText(zh: "\(kind.rawValue) 元素不用此键", en: "a \(kind.rawValue) element does not use it"))
        let x = element.required("x")?.decimal(), y = element.required("y")?.decimal()
        let width = element.required("width")?.decimal(positive: true), height = element.required("height")?.decimal(positive: true)
        let text = kind == .text ? element.required("text")?.nonEmptyString() : nil
        let sizeMM = kind == .text ? element.required("size_mm")?.decimal(positive: true) : nil
        let lineMM = kind == .frame ? element["line_mm"]?.decimal(positive: true) : nil
        guard let x, let y, let width, let height else { return nil }
        if kind == .text && (text == nil || sizeMM == nil) { return nil }
        return LabelElement(
            kind: kind, x: x, y: y, width: width, height: height, text: text, sizeMM: sizeMM,
            align: element["align"]?.choice(LabelElement.Alignment.self), colour: element["colour"]?.identifier(),
            lineMM: lineMM ?? (kind == .frame ? Decimal(string: "0.3") : nil)
        )
    }
}
