import BrandStandards
import Foundation
import Measures
import ProductSpecs
import Testing

/// A template is a file the import reads back: every header finds its column, in
/// every language, and every example row validates (given a producer).
struct ProductTemplateTests {
    static let cases: [(String, ProductTemplate.Language)] = ["sihong-4x", "yantai-apple", "shuyang-ovop"].flatMap { brand in
        ProductTemplate.Language.allCases.map { (brand, $0) }
    }

    @Test(arguments: cases)
    func theExampleRowsImport(brand: String, language: ProductTemplate.Language) throws {
        let standard = DemoStandards.standard(brand)
        let template = try ProductTemplate(standard: standard, language: language, today: CalendarDay("2026-11-29")!)
        #expect(template.rows.count == standard.categories.count)
        let text = ([template.header] + template.rows).map(CSVWriter.row).joined()
        let reader = try ProductFileReader(url: try DemoStandards.temporaryFile("template.csv", Data(text.utf8)), standard: standard)
        let producer = DemoStandards.producer("coop", brand: brand, categories: standard.categories.map(\.id))
        let validator = ProductValidator(standard: standard, today: CalendarDay("2026-11-29")!) { $0 == "coop" ? producer : nil }
        var outcomes: [ProductValidator.Outcome] = []
        try reader.forEachRow { outcomes.append(validator.validate($0.input, defaultProducer: "coop")) }
        #expect(outcomes.count == standard.categories.count)
        for outcome in outcomes {
            #expect(outcome.report.isCompliant, "\(brand) \(language): \(outcome.report.findings.filter { $0.severity == .error }.map(\.message.en))")
        }
        // Each quantity column notes its unit, and the note is read back as one.
        for attribute in standard.categories.flatMap(\.attributes) where attribute.type == .quantity {
            #expect(template.header.contains { $0.contains(attribute.id) || $0.hasPrefix(attribute.name.zh) })
        }
    }

    @Test func anUnknownCategoryIsRefused() {
        #expect(throws: ImportFileError.self) { try ProductTemplate(standard: DemoStandards.standard("yantai-apple"), categories: ["pear"], language: .zh) }
    }

    @Test func oneCategoryHasOnlyItsColumns() throws {
        let template = try ProductTemplate(standard: DemoStandards.standard("sihong-4x"), categories: ["rice"], language: .en)
        #expect(template.rows.count == 1)
        #expect(template.header.contains("net_content (kg)"))
        #expect(!template.header.contains { $0.hasPrefix("weight") })
    }
}
