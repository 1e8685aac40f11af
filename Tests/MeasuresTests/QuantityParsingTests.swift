import Foundation
import Measures
import Testing

struct QuantityParsingTests {
    @Test(arguments: [
        ("5kg", "5", "kg", "5"),
        ("5 kg", "5", "kg", "5"),
        ("10斤", "10", "jin.mainland", "5"),
        ("10 市斤", "10", "jin.mainland", "5"),
        ("3两", "3", "liang.mainland", "0.15"),
        ("2 台斤", "2", "jin.taiwan", "1.2"),
        ("1.5 L", "1.5", "l", "1.5"),
        ("750ml", "750", "ml", "0.75"),
        ("52%vol", "52", "percent_vol", "52"),
        ("52 度", "52", "percent_vol", "52"),
        ("13.5 °Bx", "13.5", "brix", "13.5"),
        ("14.5%", "14.5", "percent", "14.5"),
        ("85 mm", "85", "mm", "0.085"),
        // Durations are canonical in hours (the unit exports name), not seconds.
        ("2 days", "2", "d", "48"),
        ("36 小时", "36", "h", "36"),
        ("30天", "30", "d", "720"),
        ("90 min", "90", "min", "1.5"),
        ("45 秒", "45", "s", "0.0125"),
        ("20 人", "20", "pcs", "20"),
        ("５ｋｇ", "5", "kg", "5"),
        ("250 克", "250", "g", "0.25"),
        ("  0.5公斤 ", "0.5", "kg", "0.5"),
    ])
    func parses(text: String, value: String, unit: String, canonical: String) throws {
        let quantity = try Quantity(parsing: text)
        #expect(quantity.value == Decimal(exactText: value))
        #expect(quantity.unit.id == unit)
        #expect(quantity.canonicalValue == Decimal(exactText: canonical))
    }

    @Test(arguments: [
        ("", "quantity.empty"),
        ("kg", "quantity.not_a_number"),
        ("1e3 kg", "quantity.not_a_number"),
        ("5..0kg", "quantity.not_a_number"),
        ("12", "unit.missing"),
        ("5 stone", "unit.unknown"),
        ("5 斤斤", "unit.unknown"),
    ])
    func rejects(text: String, code: String) {
        #expect {
            try Quantity(parsing: text)
        } throws: { error in
            (error as? MeasureError)?.code == code
        }
    }

    @Test(arguments: ["10斤", "3 两", "4 jin", "2 catties"])
    func bareJinWithoutRegionIsAmbiguous(text: String) {
        #expect(throws: MeasureError.ambiguousUnit(text.drop { !$0.isLetter || $0.isASCII && !$0.isLetter }.trimmingCharacters(in: .whitespaces))) {
            try Quantity(parsing: text, jinRegion: nil)
        }
    }

    @Test func qualifiedJinIsUnderstoodWithoutRegion() throws {
        #expect(try Quantity(parsing: "10市斤", jinRegion: nil).canonicalValue == 5)
        #expect(try Quantity(parsing: "1台斤", jinRegion: nil).canonicalValue == Decimal(exactText: "0.6"))
    }

    @Test func regionChangesTheJin() throws {
        let hongKong = try Quantity(parsing: "1斤", jinRegion: .hongKong)
        #expect(hongKong.canonicalValue == Decimal(exactText: "0.60478982"))
        let liang = try Quantity(parsing: "16两", jinRegion: .hongKong)
        #expect(liang.canonicalValue == hongKong.canonicalValue)
    }

    @Test(arguments: [
        ("52%vol", MeasureDimension.percentage),
        ("13.5°Bx", MeasureDimension.percentage),
        ("14%", MeasureDimension.alcohol),
        ("5 kg", MeasureDimension.volume),
    ])
    func dimensionsDoNotMix(text: String, expected: MeasureDimension) {
        #expect {
            try Quantity(parsing: text, expecting: expected)
        } throws: { error in
            (error as? MeasureError)?.code == "unit.dimension"
        }
    }
}
