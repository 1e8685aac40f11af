import Foundation

/// GB 7718: how tall the characters of a prepackaged food's net content must be.
public enum NetContentHeight {
    /// The most any net content asks: above 1 kg.
    public static let tallestMM: Decimal = 6

    /// The minimum height in mm for a net content of `grams`: 2 mm up to 50 g, 3 mm up
    /// to 200 g, 4 mm up to 1 kg, 6 mm above.
    public static func minimumMM(grams: Decimal) -> Decimal {
        switch grams {
        case ...50: 2
        case ...200: 3
        case ...1000: 4
        default: 6
        }
    }
}
