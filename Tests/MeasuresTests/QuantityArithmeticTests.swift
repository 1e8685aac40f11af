import Foundation
import Measures
import Testing

struct QuantityArithmeticTests {
    @Test func tenthsOfAKilogramDoNotDrift() throws {
        let step = try Quantity(parsing: "0.1 kg")
        var total = Decimal(0)
        for _ in 0..<1000 { total += step.canonicalValue }
        #expect(total == 100)
        #expect(try Quantity(total, .kilogram).converted(to: .jin(.mainland)).value == 200)
    }

    @Test(arguments: [
        ("10斤", MeasureUnit.kilogram, "5"),
        ("5 kg", MeasureUnit.jin(.mainland), "10"),
        ("1.2 kg", MeasureUnit.liang(.mainland), "24"),
        ("750 ml", MeasureUnit.litre, "0.75"),
        ("85 mm", MeasureUnit.centimetre, "8.5"),
        ("2 d", MeasureUnit.hour, "48"),
        ("36 h", MeasureUnit.day, "1.5"),
        ("1.5 h", MeasureUnit.minute, "90"),
        ("2 min", MeasureUnit.second, "120"),
    ])
    func converts(text: String, target: MeasureUnit, expected: String) throws {
        let converted = try Quantity(parsing: text).converted(to: target)
        #expect(converted.value == Decimal(exactText: expected))
        #expect(converted.unit == target)
    }

    @Test func aThirdOfAnHourComparesEqualToTwentyMinutes() throws {
        let minutes = try Quantity(parsing: "20 min"), seconds = try Quantity(parsing: "1200 s")
        #expect(minutes.compare(to: seconds) == .orderedSame)
        #expect(minutes.canonicalValue.plainText == "0.333333333333")
        #expect(MeasureDimension.duration.canonicalUnit == .hour)
    }

    @Test func refusesConversionAcrossDimensions() throws {
        #expect(throws: MeasureError.wrongDimension(found: .mass, expected: .volume)) {
            try Quantity(parsing: "5 kg").converted(to: .litre)
        }
    }

    @Test func comparesWithinADimensionOnly() throws {
        let jin = try Quantity(parsing: "10斤")
        #expect(jin.compare(to: try Quantity(parsing: "5 kg")) == .orderedSame)
        #expect(jin.compare(to: try Quantity(parsing: "5001 g")) == .orderedAscending)
        #expect(jin.compare(to: try Quantity(parsing: "5 L")) == nil)
    }

    @Test(arguments: [
        ("10斤", "10 市斤", "10 jin (mainland)"),
        ("5kg", "5 公斤", "5 kg"),
        ("52%vol", "52%vol", "52%vol"),
        ("13.50 °Bx", "13.5°Bx", "13.5°Bx"),
        ("750 ml", "750 毫升", "750 ml"),
    ])
    func formatsInBothLanguages(text: String, zh: String, en: String) throws {
        let quantity = try Quantity(parsing: text)
        #expect(quantity.formatted(.zh) == zh)
        #expect(quantity.formatted(.en) == en)
    }

    @Test func roundTripsThroughJSON() throws {
        let quantity = try Quantity(parsing: "10斤")
        let data = try JSONEncoder().encode(quantity)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"canonical_value\":\"5\""))
        #expect(try JSONDecoder().decode(Quantity.self, from: data) == quantity)
    }
}

struct CanonicalNumeralTests {
    @Test(arguments: ["15.0", "+05.50", "-0.0", "0", "007", "0.5", "120", "-3.250", "1e3", "5..0", ""])
    func writesNumeralsAsPlainTextWritesTheirValue(text: String) {
        #expect(Decimal.canonicalNumeral(text) == Decimal(exactText: text).map(\.plainText))
    }
}
