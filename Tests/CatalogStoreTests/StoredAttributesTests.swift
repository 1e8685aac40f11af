import BrandStandards
@testable import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Testing

/// Attribute lists as the store keeps them: written compactly, read back exactly,
/// and the objects older stores kept still read.
struct StoredAttributesTests {
    static let values: [AttributeValue] = [
        AttributeValue(id: "net_content", entered: "10斤", value: .quantity(Quantity(10, .jin(.mainland)))),
        AttributeValue(id: "weight", entered: "５ｋｇ", value: .quantity(Quantity(5, .kilogram))),
        AttributeValue(id: "grade", entered: "一级", value: .option("grade-1")),
        AttributeValue(id: "sex", entered: "male", value: .option("male")),
        AttributeValue(id: "note", entered: "说 \"好\"\\\n第二行", value: .text("说 \"好\"\\\n第二行")),
        AttributeValue(id: "harvest_year", entered: "02026", value: .integer(2026)),
        AttributeValue(id: "sugar", entered: "13.50", value: .decimal(Decimal(string: "13.50")!)),
        AttributeValue(id: "organic", entered: "是", value: .boolean(true)),
        AttributeValue(id: "packed", entered: "2026-10-01", value: .date(CalendarDay("2026-10-01")!)),
    ]

    @Test func storedListsReadBackAsWritten() throws {
        let text = AttributeValue.storedText(Self.values)
        #expect(ProductRowCoding.decodeAttributes(text) == Self.values)
        #expect(text.hasPrefix(#"[["net_content","10斤","quantity","10","jin.mainland"],"#))
        // A value equal to what was entered is not stored twice.
        #expect(text.contains(#"["sex","male","enum"]"#))
        #expect(text.contains(#"["grade","一级","enum","grade-1"]"#))
        #expect(ProductRowCoding.decodeAttributes("[]") == [])
        #expect(ProductRowCoding.decodeAttributes(#"[["grade"]]"#) == nil)
    }

    @Test func theObjectsOlderStoresKeptStillRead() throws {
        let old = #"[{"id":"net_content","entered":"10斤","kind":"quantity","value":"10","unit":"jin.mainland"},"#
            + #"{"id":"variety","entered":"南粳9108","kind":"text","value":"南粳9108"}]"#
        #expect(ProductRowCoding.decodeAttributes(old) == [
            AttributeValue(id: "net_content", entered: "10斤", value: .quantity(Quantity(10, .jin(.mainland)))),
            AttributeValue(id: "variety", entered: "南粳9108", value: .text("南粳9108")),
        ])
    }
}
