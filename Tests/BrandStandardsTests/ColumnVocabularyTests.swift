import BrandStandards
import Foundation
import Measures
import Testing

/// What headers name: ids, then aliases, then the attributes' own names, each rank
/// hiding the one below; a name two attributes share is ambiguous, never guessed.
struct ColumnVocabularyTests {
    static func standard() throws -> BrandStandard {
        try #require(BrandLinter(assetsDirectory: FixturePaths.lintAssets).lint(FixturePaths.lintFile("valid")).standard)
    }

    @Test(arguments: [
        ("sku", ColumnVocabulary.Target.field(.sku)), ("货号", .field(.sku)), ("SKU", .field(.sku)), ("Name EN", .field(.nameEn)),
        ("name-en", .field(.nameEn)), ("商品名称", .field(.nameZh)), ("价格（元）", .field(.price)), ("条形码", .field(.gtin)),
        ("net_content", .attribute("net_content")), ("净含量", .attribute("net_content")), ("Net content", .attribute("net_content")),
        ("净含量（kg）", .attribute("net_content")), ("净含量【公斤】", .attribute("net_content")), ("净含量 net_content", .attribute("net_content")),
        ("水分(%)", .attribute("moisture")), ("问题代码 finding_codes", .findings),
    ])
    func headersFindTheirColumns(header: String, target: ColumnVocabulary.Target) throws {
        #expect(ColumnVocabulary(standard: try Self.standard()).match(ColumnHeader(header)) == .target(target))
    }

    @Test(arguments: ["备注", "old price", "净含量 grade", "", "(kg)"])
    func otherHeadersNameNothing(header: String) throws {
        #expect(ColumnVocabulary(standard: try Self.standard()).match(ColumnHeader(header)) == .unknown)
    }

    @Test func aNameTwoAttributesShareIsAmbiguousAndAnAliasDecides() throws {
        var standard = try Self.standard()
        var weight = standard.categories[0].attributes[0]
        weight.id = "gross_weight"
        standard.categories[0].attributes.append(weight)
        let vocabulary = ColumnVocabulary(standard: standard)
        #expect(vocabulary.match(ColumnHeader("净含量")) == .ambiguous([.attribute("gross_weight"), .attribute("net_content")]))
        #expect(vocabulary.match(ColumnHeader("净含量 net_content")) == .target(.attribute("net_content")))
        #expect(vocabulary.clashes.isEmpty)
        // An alias outranks the shared name; an alias another target has is a clash.
        standard.categories[0].attributes[0].aliases = ["净含量", "货号"]
        let aliased = ColumnVocabulary(standard: standard)
        #expect(aliased.match(ColumnHeader("净含量")) == .target(.attribute("net_content")))
        #expect(aliased.clashes.map(\.name) == ["货号"])
        #expect(aliased.clashes.first?.other == .field(.sku))
    }
}
