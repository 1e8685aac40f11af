import BrandStandards
import Foundation
import Measures
import ProductSpecs
import Testing

/// Messages say what is wrong, where, and what was expected, fully in both languages.
struct MessageTests {
    let validator = ProductValidatorTests().validator

    private func finding(_ input: ProductInput, code: String, validator: ProductValidator? = nil) throws -> Finding {
        let report = (validator ?? self.validator).validate(input).report
        return try #require(report.findings.first { $0.code == code }, "\(report.findings.map(\.code))")
    }

    @Test func aMissingUnitIsHintedWithTheAttributesOwnDimension() throws {
        let moisture = try finding(ProductValidatorTests.rice(["moisture": "6.1"]), code: "unit.missing")
        #expect(moisture.message.en.contains("percentage such as %") && !moisture.message.en.contains("kg"))
        #expect(moisture.message.zh.contains("百分比单位") && !moisture.message.zh.contains("斤"))
        let net = try finding(ProductValidatorTests.rice(["net_content": "5"]), code: "unit.missing")
        #expect(net.message.en.contains("mass such as kg or g or 斤"))
    }

    @Test func aDecimalCommaIsNamedWithTheFix() throws {
        let comma = try finding(ProductValidatorTests.rice(["net_content": "5,0kg"]), code: "attribute.type")
        #expect(comma.message.en.contains("decimal comma") && comma.message.en.contains("5.0kg"))
        #expect(comma.message.zh.contains("逗号") && comma.message.zh.contains("5.0kg"))
    }

    @Test func anExpiredAuthorisationSaysWhenItEnded() throws {
        var producer = DemoStandards.producer("late", brand: "sihong-4x", categories: ["rice"])
        producer.validTo = CalendarDay("2026-06-30")
        let validator = ProductValidator(standard: ProductValidatorTests.sihong, today: CalendarDay("2026-11-29")!) { $0 == "late" ? producer : nil }
        let expired = try finding(ProductValidatorTests.rice(["producer": "late"]), code: "producer.inactive", validator: validator)
        #expect(expired.message.en.contains("ended on 2026-06-30") && !expired.message.en.contains("(active)"))
        #expect(expired.message.zh.contains("2026-06-30 到期"))
    }

    /// "sku\nR1\n" in UTF-16: LE and BE with a mark, LE without one.
    @Test(arguments: [
        ([0xFF, 0xFE, 0x73, 0x00, 0x6B, 0x00, 0x75, 0x00, 0x0A, 0x00, 0x52, 0x00, 0x31, 0x00, 0x0A, 0x00], "UTF-16 LE with BOM"),
        ([0xFE, 0xFF, 0x00, 0x73, 0x00, 0x6B, 0x00, 0x75, 0x00, 0x0A, 0x00, 0x52, 0x00, 0x31, 0x00, 0x0A], "UTF-16 BE with BOM"),
        ([0x73, 0x00, 0x6B, 0x00, 0x75, 0x00, 0x0A, 0x00, 0x52, 0x00, 0x31, 0x00, 0x0A, 0x00], "UTF-16 LE"),
    ] as [([UInt8], String)])
    func aUTF16FileIsReadAndNamedAsSuch(bytes: [UInt8], name: String) throws {
        let reader = try ProductFileReader(url: try DemoStandards.temporaryFile("products.csv", Data(bytes)), standard: ProductValidatorTests.sihong)
        var skus: [String?] = []
        try reader.forEachRow { skus.append($0.input.field(.sku)) }
        #expect(skus == ["R1"])
        #expect(reader.notices.map(\.en) == ["read as \(name)"])
        #expect(reader.notices.map(\.zh) == ["按 " + name.replacingOccurrences(of: " with BOM", with: "（带 BOM）") + (name.hasSuffix("BOM") ? "" : " ") + "编码读取"])
    }
}
