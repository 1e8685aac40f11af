/// Writes QR symbols as SVG: vectors at true size in millimetres, so that any printer
/// resolution prints them sharply.
public enum SVGEncoder {
    /// An SVG of a QR symbol alone, `moduleMM` millimetres a module, with `quietZone`
    /// light modules around it.
    public static func qrSymbol(_ symbol: QRSymbol, moduleMM: Double, quietZone: Int = 4) -> String {
        let side = symbol.width + 2 * quietZone
        let size = formatted(Double(side) * moduleMM)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(size)mm" height="\(size)mm" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">
            <rect width="\(side)" height="\(side)" fill="#FFFFFF"/>
            <path d="\(path(symbol, quietZone: quietZone))" fill="#000000"/>
            </svg>

            """
    }

    /// The dark modules as one path, offset by the quiet zone: each run of dark
    /// modules in a row one rectangle.
    static func path(_ symbol: QRSymbol, quietZone: Int) -> String {
        var path = ""
        symbol.forEachDarkRun { row, column, length in
            path += "M\(column + quietZone) \(row + quietZone)h\(length)v1h-\(length)z"
        }
        return path
    }

    /// A length in mm with at most three decimals, without trailing zeros.
    static func formatted(_ value: Double) -> String {
        var text = String(Int((value * 1000).rounded()))
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        while text.count < 4 { text = "0" + text }
        let whole = text.dropLast(3), fraction = text.suffix(3).reversed().drop { $0 == "0" }.reversed()
        return (negative ? "-" : "") + (fraction.isEmpty ? String(whole) : "\(whole).\(String(fraction))")
    }
}
