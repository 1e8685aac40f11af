import Foundation
import Measures
import Testing

/// The integer fast paths for comparing, multiplying and writing decimals must give
/// exactly what Foundation gives, for every value.
struct DecimalFastPathTests {
    /// Random decimals of every kind: zero, negative, tiny and huge exponents,
    /// significands of a few digits and of more than 64 bits.
    static func samples(count: Int) -> [Decimal] {
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, -1, Decimal(UInt64.max), -Decimal(UInt64.max), Decimal(string: "18446744073709551616")!]
        for _ in 0..<count {
            let digits = [1, 2, 3, 5, 9, 15, 19, 20, 25][Int.random(in: 0..<9, using: &generator)]
            var text = String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<digits { text += String(Int.random(in: 0...9, using: &generator)) }
            if Bool.random(using: &generator) { text = "0" }
            let exponent = Int.random(in: -14...12, using: &generator)
            let significand = Decimal(string: text)!
            values.append(Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent, significand: significand))
        }
        return values
    }

    @Test func orderingAgreesWithFoundation() {
        let values = Self.samples(count: 400)
        for a in values {
            for b in values.prefix(60) + [a, -a] {
                let expected: ComparisonResult = a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
                #expect(Decimal.order(a, b) == expected, "\(a) vs \(b)")
            }
        }
    }

    @Test func productsAgreeWithFoundation() {
        let values = Self.samples(count: 300)
        let factors = ["0.5", "0.05", "0.6", "0.0375", "1000", "0.001", "3.6"].map { Decimal(string: $0)! } + values.prefix(40)
        for a in values {
            for factor in factors {
                let product = Decimal.product(a, factor)
                #expect(product == a * factor, "\(a) × \(factor)")
                #expect(product.plainText == (a * factor).plainText, "\(a) × \(factor)")
            }
        }
    }

    @Test func plainTextIsFoundationsNumeral() {
        for value in Self.samples(count: 2_000) where value.exponent >= -12 {
            #expect(value.plainText == value.description, "\(value)")
        }
        #expect(Decimal(string: "0.05")!.plainText == "0.05")
        #expect(Decimal(string: "-12.30")!.plainText == "-12.3")
        #expect(Decimal(string: "5e3")!.plainText == "5000")
    }
}

/// The white-space test without Unicode's tables must say what the tables say.
struct WhiteSpaceTests {
    @Test func isSpaceIsUnicodesWhiteSpaceForEveryScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): isSpace \(scalar.isSpace)")
            }
        }
    }

    @Test func trimmingTakesEveryKindOfSpaceFromBothEnds() {
        #expect("\u{3000} 5 kg\t\u{A0}".trimmedWhitespace == "5 kg")
        #expect("\u{2003}\u{2003}".trimmedWhitespace.isEmpty)
        #expect("南粳9108".trimmedWhitespace == "南粳9108")
        #expect("５ｋｇ\u{3000}".halfWidth == "5kg ")
        #expect("泗洪大米".halfWidth == "泗洪大米")
    }
}
