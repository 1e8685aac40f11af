import BrandStandards
import Foundation
import Measures
import Testing

struct QRRulesTests {
    @Test(arguments: [(203, 4, "0.5"), (300, 5, "0.423"), (600, 10, "0.423")])
    func modulesAreWholeDotsAtOrAboveTheMinimum(dpi: Int, dots: Int, millimetres: String) throws {
        let rules = QRRules(minErrorCorrection: .M, minModuleMM: Decimal(string: "0.40")!, maxModuleMM: Decimal(string: "0.60")!, quietZoneModules: 4)
        let module = try #require(rules.module(atDPI: dpi))
        #expect(module.dots == dots)
        #expect(module.millimetres.rounded(places: 3) == Decimal(string: millimetres))
    }

    @Test func aNarrowRangeCannotBePrintedAt203DPI() {
        let rules = QRRules(minErrorCorrection: .M, minModuleMM: Decimal(string: "0.40")!, maxModuleMM: Decimal(string: "0.45")!, quietZoneModules: 4)
        #expect(rules.module(atDPI: 203) == nil)
        #expect(rules.module(atDPI: 300) != nil)
    }
}
