import BrandStandards
import DigitalLink
import Foundation
import Measures
import ProductSpecs
import Testing

/// Values as Excel and WPS write them read as the values they are, through the
/// validator every front door uses; other forms are still refused.
struct SpreadsheetValueTests {
    let validator = ProductValidatorTests().validator

    func rice(_ changes: [String: String]) -> ProductValidator.Outcome {
        validator.validate(ProductValidatorTests.rice(changes))
    }

    @Test(arguments: [
        ("59.00", "59"), ("1,280.00", "1280"), ("12,345,678.5", "12345678.5"), ("89元", "89"), ("89 元", "89"),
        ("¥98", "98"), ("￥98", "98"), ("￥１，２８０．００", "1280"), ("CNY 59", "59"), ("５９．００", "59"),
    ])
    func pricesAsSheetsWriteThem(text: String, expected: String) throws {
        let outcome = rice(["price": text])
        #expect(outcome.report.findings.isEmpty, "\(outcome.report.findings)")
        #expect(outcome.product?.price == Decimal(string: expected))
    }

    @Test(arguments: ["1,28", "1,2800.00", ",280", "59.001", "59元元", "$59", "1.280,00", "-5"])
    func pricesThatAreNotAmountsAreRefused(text: String) {
        #expect(rice(["price": text]).report.findings.map(\.code) == ["price.invalid"])
    }

    @Test(arguments: [
        ("in stock", Availability.inStock), ("In Stock", .inStock), ("有货", .inStock), ("现货", .inStock),
        ("缺货", .outOfStock), ("out-of-stock", .outOfStock), ("售罄", .outOfStock),
        ("预售", .preorder), ("pre-order", .preorder), ("补货中", .backorder), ("back order", .backorder), ("ｐｒｅｏｒｄｅｒ", .preorder),
    ])
    func availabilityInWords(text: String, expected: Availability) {
        #expect(rice(["availability": text]).product?.availability == expected)
    }

    @Test func availabilityNotInTheListIsRefused() {
        #expect(rice(["availability": "maybe"]).report.findings.map(\.code) == ["availability.invalid"])
    }

    @Test func fullWidthDigitsInCodes() throws {
        let outcome = rice(["gtin": "６９０１２３４５６７０１４", "origin": "３２１３２４１０１", "sku": "ＲＩＣＥ－５ＫＧ"])
        #expect(outcome.report.findings.isEmpty, "\(outcome.report.findings)")
        #expect(outcome.product?.gtin?.digits == "06901234567014")
        #expect(outcome.product?.origin?.digits == "321324101")
        #expect(outcome.product?.sku == "RICE-5KG")
    }

    @Test func codesKeptTextByATextFormulaAreRead() {
        let outcome = rice(["gtin": "=\"06901234567014\"", "origin": "=\"321324101\""])
        #expect(outcome.report.findings.isEmpty, "\(outcome.report.findings)")
        #expect(outcome.product?.gtin?.digits == "06901234567014")
        #expect(rice(["gtin": "=\"\""]).report.findings.map(\.code) == ["gtin.format"])
    }

    @Test func aGTINTheSpreadsheetTurnedIntoANumberIsRefusedWithTheHint() throws {
        let outcome = rice(["gtin": "6.90123E+12"])
        let finding = try #require(outcome.report.findings.first)
        #expect(finding.code == "gtin.scientific")
        #expect(finding.message.en.contains("format the column as Text"))
        #expect(finding.message.zh.contains("“文本”格式"))
        #expect(rice(["origin": "3.21324E+11"]).report.findings.map(\.code) == ["origin.scientific"])
    }

    static let yantai = DemoStandards.standard("yantai-apple")

    func apple(harvest: String) -> ProductValidator.Outcome {
        let producer = DemoStandards.producer("orchard", brand: "yantai-apple", categories: ["apple"])
        let validator = ProductValidator(standard: Self.yantai, today: CalendarDay("2026-11-29")!) { $0 == "orchard" ? producer : nil }
        let input = ProductInput(
            fields: ["sku": "A1", "category": "apple", "name_zh": "苹果", "origin": "370686", "producer": "orchard"],
            attributes: ["variety": "red-fuji", "grade": "premium", "fruit_diameter": "85mm", "soluble_solids": "14.5°Bx",
                         "firmness": "8.2", "net_content": "5kg", "harvest_date": harvest]
        )
        return validator.validate(input)
    }

    @Test(arguments: ["2026-10-15", "2026/10/15", "2026/10/15 0:00", "2026.10.15", "2026年10月15日", "２０２６年１０月１５日", "46310"])
    func datesAsSheetsWriteThem(text: String) throws {
        let outcome = apple(harvest: text)
        #expect(outcome.report.findings.filter { $0.severity == .error }.isEmpty, "\(outcome.report.findings)")
        #expect(outcome.product?.attributes.first { $0.id == "harvest_date" }?.value == .date(CalendarDay("2026-10-15")!))
    }

    @Test func datesOfOneDigitAndSerialEdges() throws {
        #expect(apple(harvest: "2026/9/2").product?.attributes.first { $0.id == "harvest_date" }?.value == .date(CalendarDay("2026-09-02")!))
        for text in ["2026/13/01", "2026/02/30", "15/10/2026", "10/15/2026", "2026-10-15 12:30", "60", "20261015", "2026年10月15"] {
            #expect(apple(harvest: text).report.findings.map(\.code) == ["attribute.type"], "\(text)")
        }
    }
}
