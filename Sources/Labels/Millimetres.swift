import Foundation

/// Converts millimetres to printer dots: `round(mm × dpi / 25.4)`.
public enum Millimetres {
    public static func dots(_ millimetres: Decimal, dpi: Int) -> Int {
        Int((NSDecimalNumber(decimal: millimetres).doubleValue * Double(dpi) / 25.4).rounded())
    }

    public static func fromDots(_ dots: Int, dpi: Int) -> Double {
        Double(dots) * 25.4 / Double(dpi)
    }
}
