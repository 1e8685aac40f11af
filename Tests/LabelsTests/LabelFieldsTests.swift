import BrandStandards
import Foundation
import Labels
import Measures
import ProductSpecs
import Testing

/// What a label prints for a product's fields: net content in the legal units
/// GB 7718 asks for, whatever unit the producer typed.
struct LabelFieldsTests {
    static let producer = Producer(id: "farm", name: .init(zh: "农场", en: "Farm"), uscc: try! UnifiedSocialCreditCode("91321324MA1N2K3L4H"),
                                   adminCode: AdministrativeCode("321324101")!)

    static func product(netContent entered: String) throws -> Product {
        let quantity = try Quantity(parsing: entered)
        return Product(brandID: "sihong-4x", producerID: "farm", sku: "A", name: .init(zh: "大米", en: "Rice"), category: "rice",
                       attributes: [AttributeValue(id: "net_content", entered: entered, value: .quantity(quantity))])
    }

    @Test(arguments: [("10斤", "5 kg"), ("4.2两", "210 g"), ("500ml", "500 mL"), ("1.5 L", "1.5 L"), ("0.5 kg", "500 g"), ("2500 g", "2.5 kg")])
    func netContentIsPrintedInLegalUnits(entered: String, printed: String) throws {
        let standard = LabelRendererTests.standard("sihong-4x")
        let values = LabelFields.values(standard: standard, product: try Self.product(netContent: entered), producer: Self.producer, lot: "L1")
        #expect(values["net_content"] == printed)
        #expect(values["net_content.en"] == printed)
    }

    @Test func theTypedTextMayFollowInBracketsWhereTheStandardAllowsIt() throws {
        var standard = LabelRendererTests.standard("sihong-4x")
        standard.labels.netContentAsEntered = true
        let jin = LabelFields.values(standard: standard, product: try Self.product(netContent: "10斤"), producer: Self.producer, lot: "L1")
        #expect(jin["net_content"] == "5 kg（10斤）")
        let kilograms = LabelFields.values(standard: standard, product: try Self.product(netContent: "5 kg"), producer: Self.producer, lot: "L1")
        #expect(kilograms["net_content"] == "5 kg")
    }
}
