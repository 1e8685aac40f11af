import BrandStandards
import Foundation
import Measures
import Testing

struct DemoBrandTests {
    static let demoIDs = ["shuyang-ovop", "sihong-4x", "yantai-apple"]

    @Test func demoBrandsLintClean() {
        let (entries, problems) = BrandDirectory.entries(for: [FixturePaths.demoBrands.path])
        #expect(problems.isEmpty)
        let reports = entries.map { BrandLinter().lint($0.url) }
        for report in reports { #expect(report.diagnostics.isEmpty, "\(report.file): \(report.diagnostics)") }
        #expect(reports.compactMap(\.standard?.id) == Self.demoIDs)
    }

    @Test(arguments: demoIDs)
    func canonicalJSONIsStableAndRoundTrips(id: String) throws {
        let file = try #require(BrandDirectory.file(ofBrand: id, in: FixturePaths.demoBrands.path))
        let standard = try #require(BrandLinter().lint(file).standard)
        let first = try standard.canonicalJSON()
        let again = try #require(BrandLinter().lint(file).standard).canonicalJSON()
        #expect(first == again)
        #expect(try JSONDecoder().decode(BrandStandard.self, from: first) == standard)
    }

    @Test func theFourPlusXBrandHasFourCoreCategoriesAndAnOpenOne() throws {
        let file = try #require(BrandDirectory.file(ofBrand: "sihong-4x", in: FixturePaths.demoBrands.path))
        let standard = try #require(BrandLinter().lint(file).standard)
        #expect(standard.model == .nPlusX)
        #expect(standard.series?.core == ["rice", "hairy-crab", "liquor", "rural-tourism"])
        #expect(standard.series?.open?.category == "local-specialty")
        let weight = try #require(standard.category("hairy-crab")?.attribute("weight"))
        let male = try #require(weight.cases.first { $0.when == ["sex": "male", "grade": "special"] })
        guard case .quantity(let minimum)? = male.min else { Issue.record("no quantity bound"); return }
        #expect(minimum.canonicalValue == Decimal(string: "0.2"))
    }

    @Test func theVillagesLieInsideTheirCounty() throws {
        let file = try #require(BrandDirectory.file(ofBrand: "shuyang-ovop", in: FixturePaths.demoBrands.path))
        let standard = try #require(BrandLinter().lint(file).standard)
        #expect(standard.villages.count >= 5)
        #expect(standard.villages.allSatisfy { standard.region.contains($0.code) })
    }

    @Test func aBrandIDThatLeavesTheFolderIsNotFound() {
        #expect(BrandDirectory.file(ofBrand: "../Brands/sihong-4x", in: FixturePaths.demoBrands.path) == nil)
        #expect(BrandDirectory.file(ofBrand: "..", in: FixturePaths.demoBrands.path) == nil)
    }
}
