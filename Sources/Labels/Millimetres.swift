import Foundation

/// Converts millimetres to printer dots: `round(mm × dpi / 25.4)`.
enum Millimetres {
    static func dots(_ millimetres: Decimal, dpi: Int) -> Int {
        Int((NSDecimalNumber(decimal: millimetres).doubleValue * Double(dpi) / 25.4).rounded())
    }

    static func fromDots(_ dots: Int, dpi: Int) -> Double {
        Double(dots) * 25.4 / Double(dpi)
    }
}
