import Foundation

/// Converts millimetres to printer dots: `round(mm × dpi / 25.4)`.
public enum Millimetres {
    public static func dots(_ millimetres: Decimal, dpi: Int) -> Int {
        Int((NSDecimalNumber(decimal: millimetres).doubleValue * Double(dpi) / 25.4).rounded())
    }

    /// A length of the standard's (kept exact, as `Decimal`) for geometry in `Double`.
    public static func value(_ millimetres: Decimal) -> Double {
        NSDecimalNumber(decimal: millimetres).doubleValue
    }

    public static func fromDots(_ dots: Int, dpi: Int) -> Double {
        Double(dots) * 25.4 / Double(dpi)
    }
}
