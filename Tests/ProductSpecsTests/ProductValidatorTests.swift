import BrandStandards
import Foundation
import Measures
import ProductSpecs
import Testing

struct ProductValidatorTests {
    static let sihong = DemoStandards.standard("sihong-4x")
    static let producers: [String: Producer] = [
        "farm": DemoStandards.producer("farm", brand: "sihong-4x", categories: ["rice", "hairy-crab", "liquor", "local-specialty"]),
        "riceonly": DemoStandards.producer("riceonly", brand: "sihong-4x", categories: ["rice"]),
        "paused": DemoStandards.producer("paused", brand: "sihong-4x", categories: ["rice"], status: .suspended),
    ]

    let validator = ProductValidator(standard: sihong, today: CalendarDay("2026-11-29")!) { producers[$0] }

    static func rice(_ changes: [String: String] = [:]) -> ProductInput {
        var fields = ["sku": "R1", "category": "rice", "name_zh": "大米", "origin": "321324101", "producer": "farm", "price": "59.00"]
        var attributes = ["net_content": "5 kg", "grade": "grade-1", "moisture": "14.5%", "variety": "南粳9108"]
        for (key, value) in changes {
            if ProductInput.fieldNames.contains(key) { fields[key] = value } else { attributes[key] = value }
        }
        return ProductInput(fields: fields, attributes: attributes)
    }

    static func crab(sex: String, grade: String, weight: String) -> ProductInput {
        ProductInput(
            fields: ["sku": "C1", "category": "hairy-crab", "name_zh": "大闸蟹", "origin": "321324110", "producer": "farm"],
            attributes: ["sex": sex, "grade": grade, "weight": weight, "pieces": "8只", "water_body": "hongze-lake"]
        )
    }

    /// A memo of texts already read changes speed, never outcomes: texts that read
    /// with findings are read again (and found again), bounds with cases still see
    /// the other attributes, and one text means different things under different rules.
    @Test func outcomesAreTheSameWithAMemo() throws {
        let inputs = [
            Self.rice(), Self.rice(["net_content": "10斤"]), Self.rice(["net_content": "30 kg"]), Self.rice(["net_content": "30 kg"]),
            Self.rice(["moisture": "16%"]), Self.rice(["moisture": "16%"]), Self.rice(["grade": "一级"]), Self.rice(["grade": "一级"]),
            Self.rice(["moisture": "14.55%"]), Self.rice(["moisture": "14.55%"]),
            Self.rice(["net_content": "5 L"]), Self.rice(["moisture": "5 kg"]), Self.rice(["broken_kernels": "12%", "grade": "grade-1"]),
            Self.rice(["broken_kernels": "12%", "grade": "grade-3"]), Self.rice(["net_content": "5 kg"]),
            Self.crab(sex: "male", grade: "special", weight: "250g"), Self.crab(sex: "female", grade: "special", weight: "250g"),
            Self.crab(sex: "male", grade: "special", weight: "100g"), Self.crab(sex: "male", grade: "special", weight: "250g"),
        ]
        for limit in [0, 1, 4096] {
            let memo = AttributeMemo(limit: limit)
            for _ in 0..<2 {
                for input in inputs {
                    let plain = validator.validate(input), remembered = validator.validate(input, memo: memo)
                    #expect(plain.product == remembered.product)
                    #expect(plain.report == remembered.report)
                }
            }
        }
    }

    @Test func aGoodProductIsCompliant() throws {
        let outcome = validator.validate(Self.rice())
        #expect(outcome.report.findings.isEmpty)
        #expect(outcome.product?.status == .compliant)
    }

    @Test func tenJinIsStoredAsFiveKilogramsAndKeptAsEntered() throws {
        let product = try #require(validator.validate(Self.rice(["net_content": "10斤"])).product)
        let content = try #require(product.attribute("net_content"))
        #expect(content.entered == "10斤")
        #expect(content.canonicalText == "5")
        #expect(content.canonicalUnit == .kilogram)
    }

    @Test(arguments: [
        (["gtin": "6901234567893"], ["gtin.check_digit"]),
        (["gtin": "690123456"], ["gtin.length"]),
        (["moisture": "16.2%"], ["attribute.out_of_range"]),
        (["flavour": "sweet"], ["attribute.unknown"]),
        (["origin": "320115"], ["origin.outside_region"]),
        (["origin": "32011"], ["origin.malformed"]),
        (["producer": "paused"], ["producer.inactive"]),
        (["producer": "nobody"], ["producer.unknown"]),
        (["net_content": "5 L"], ["unit.dimension"]),
        (["net_content": "5 stone"], ["unit.unknown"]),
        (["net_content": "five kg"], ["attribute.type"]),
        (["grade": "grade-9"], ["attribute.not_allowed"]),
        (["variety": ""], ["attribute.missing"]),
        (["harvest_year": "2019"], ["attribute.out_of_range"]),
        (["harvest_year": "next"], ["attribute.type"]),
        (["net_content": "5.125 kg"], ["attribute.decimal_places"]),
        (["category": "tea"], ["category.unknown"]),
        (["price": "59.999"], ["price.invalid"]),
        (["availability": "sold"], ["availability.invalid"]),
        (["sku": ""], ["field.missing"]),
    ])
    func eachMistakeHasItsCode(changes: [String: String], codes: [String]) {
        let report = validator.validate(Self.rice(changes)).report
        #expect(report.codes == codes)
        #expect(!report.isCompliant)
        #expect(report.findings.allSatisfy { !$0.message.zh.isEmpty && !$0.message.en.isEmpty })
    }

    @Test func aProducerNotAuthorisedForTheCategoryIsRefused() {
        var input = Self.crab(sex: "male", grade: "special", weight: "4.5两")
        input.fields["producer"] = "riceonly"
        #expect(validator.validate(input).report.codes == ["producer.not_authorised"])
    }

    @Test(arguments: [
        ("male", "special", "4两", true),
        ("male", "special", "190 g", false),
        ("female", "special", "3两", true),
        ("female", "special", "140 g", false),
        ("female", "grade-2", "80 g", true),
        ("female", "grade-2", "70 g", false),
    ])
    func crabWeightDependsOnSexAndGrade(sex: String, grade: String, weight: String, compliant: Bool) {
        #expect(validator.validate(Self.crab(sex: sex, grade: grade, weight: weight)).report.isCompliant == compliant)
    }

    @Test func everyFindingIsReportedInADeterministicOrder() {
        let input = Self.rice(["gtin": "6901234567893", "moisture": "16%", "net_content": "5 L", "zzz": "1", "aaa": "2", "origin": "320115"])
        let first = validator.validate(input).report
        #expect(first.codes == ["gtin.check_digit", "origin.outside_region", "unit.dimension", "attribute.out_of_range", "attribute.unknown", "attribute.unknown"])
        #expect(first.findings.suffix(2).map(\.field) == ["aaa", "zzz"])
        #expect(validator.validate(input).report == first)
    }

    @Test func theOpenCategoryNeedsApprovalButIsCompliant() {
        let input = ProductInput(
            fields: ["sku": "E1", "category": "local-specialty", "name_zh": "咸鸭蛋", "origin": "321324103", "producer": "farm"],
            attributes: ["net_content": "1.4 kg", "shelf_life": "30天"]
        )
        let report = validator.validate(input).report
        #expect(report.codes == ["category.requires_approval"])
        #expect(report.isCompliant)
    }

    @Test func withoutAStoreProducerChecksAreLeftOut() {
        let offline = ProductValidator(standard: Self.sihong, today: CalendarDay("2026-11-29")!, producers: nil)
        #expect(offline.validate(Self.rice(["producer": "nobody"])).report.isCompliant)
    }
}

/// Control characters never reach the store: each is a finding, so that an import
/// refuses the row and an API call answers 422 with nothing written.
struct ControlCharacterTests {
    @Test(arguments: [("sku", "RICE\u{0}1"), ("name_zh", "大米\u{0}假"), ("name_en", "Rice\u{1B}[31m"), ("outlet", "shop\u{85}")])
    func aControlCharacterInAFieldIsAFinding(field: String, text: String) throws {
        var fields = ["sku": "RICE-1", "category": "rice", "name_zh": "大米", "origin": "321324101"]
        fields[field] = text
        let input = ProductInput(fields: fields, attributes: ["net_content": "5 kg", "grade": "grade-1", "moisture": "14.5%"])
        let outcome = ProductValidator(standard: ProductValidatorTests.sihong, today: CalendarDay("2026-11-29")!, producers: nil).validate(input)
        let finding = try #require(outcome.report.findings.first { $0.code == "text.control_character" })
        #expect(finding.field == field)
        #expect(!outcome.report.isCompliant)
        #expect(finding.message.zh.contains("控制字符") && finding.message.en.contains("control character"))
    }

    @Test func anAttributeWithANULIsAFindingAndADescriptionMayBreakLines() throws {
        let input = ProductInput(
            fields: ["sku": "RICE-1", "category": "rice", "name_zh": "大米", "origin": "321324101", "description": "新米\n当季"],
            attributes: ["net_content": "5 kg", "grade": "grade-1", "moisture": "14.5%", "variety": "南粳\u{0}"]
        )
        let outcome = ProductValidator(standard: ProductValidatorTests.sihong, today: CalendarDay("2026-11-29")!, producers: nil).validate(input)
        #expect(outcome.report.findings.filter { $0.code == "text.control_character" }.map(\.field) == ["variety"])
    }
}

/// A product of a category that carries labels is compliant (and so certifiable)
/// only when its labels can be drawn at every size the brand offers.
struct LabelReadinessTests {
    static func validator(_ standard: BrandStandard) -> ProductValidator {
        ProductValidator(standard: standard, today: CalendarDay("2026-11-29")!) { ProductValidatorTests.producers[$0] }
    }

    @Test func aCrabIsCertifiableWithTheCrabLayoutsAndNotWithoutThem() throws {
        let crab = ProductValidatorTests.crab(sex: "male", grade: "special", weight: "4.2两")
        #expect(Self.validator(ProductValidatorTests.sihong).validate(crab).report.isCompliant)
        // The brand's shared layouts show a net content, which crabs do not state.
        var shared = ProductValidatorTests.sihong
        shared.labels.layouts.removeAll { $0.category == "hairy-crab" }
        let report = Self.validator(shared).validate(crab).report
        #expect(!report.isCompliant)
        #expect(report.findings.filter { $0.code == "label.layout_unusable" }.count == shared.labels.sizes.count)
    }

    @Test func aFieldTheLabelsShowMustBeStated() throws {
        var standard = ProductValidatorTests.sihong
        let rice = try #require(standard.categories.firstIndex { $0.id == "rice" })
        let net = try #require(standard.categories[rice].attributes.firstIndex { $0.id == "net_content" })
        standard.categories[rice].attributes[net].required = false
        var input = ProductValidatorTests.rice()
        input.attributes.removeValue(forKey: "net_content")
        let finding = try #require(Self.validator(standard).validate(input).report.findings.first { $0.code == "label.field_missing" })
        #expect(finding.field == "net_content" && finding.message.en.contains("Net content") && finding.message.zh.contains("净含量"))
    }

    @Test func aNetContentSetSmallerThanGB7718AsksIsRefused() throws {
        var standard = ProductValidatorTests.sihong
        for index in standard.labels.layouts.indices {
            for element in standard.labels.layouts[index].elements.indices where standard.labels.layouts[index].elements[element].placeholders.contains("net_content") {
                standard.labels.layouts[index].elements[element].sizeMM = 4
            }
        }
        let findings = Self.validator(standard).validate(ProductValidatorTests.rice(["net_content": "10斤"])).report.findings
        #expect(findings.contains { $0.code == "label.net_content_too_small" && $0.message.en.contains("6 mm") })
        // 500 g needs only 4 mm.
        #expect(!Self.validator(standard).validate(ProductValidatorTests.rice(["net_content": "500 g"])).report.findings.contains { $0.code.hasPrefix("label.") })
    }

    @Test func aCategoryWithoutLabelsNeedsNoLabelFields() throws {
        let tour = ProductInput(fields: ["sku": "T1", "category": "rural-tourism", "name_zh": "两日游", "origin": "321324111", "producer": "farm"],
                                attributes: ["duration": "2 days", "group_size": "20人", "meals_included": "是", "season": "autumn"])
        let findings = Self.validator(ProductValidatorTests.sihong).validate(tour).report.findings
        #expect(!findings.contains { $0.code.hasPrefix("label.") }, "\(findings.map(\.code))")
    }
}
