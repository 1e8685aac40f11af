import BrandStandards
import Testing

struct AdministrativeCodeTests {
    @Test(arguments: ["321324", "320000", "321300", "321324101", "321324101201", "110105", "810000"])
    func acceptsWellFormedCodes(text: String) {
        #expect(AdministrativeCode(text) != nil)
    }

    @Test(arguments: ["32132", "3213240", "32132X", "991324", "320024", "321300101", "", "321324 "])
    func rejectsMalformedCodes(text: String) {
        #expect(AdministrativeCode(text) == nil)
    }

    @Test(arguments: [
        ("320000", "321324101201", true),
        ("321300", "321324", true),
        ("321324", "321324101201", true),
        ("321324", "321322106210", false),
        ("321324101", "321324102201", false),
        ("370686", "370686", true),
    ])
    func containmentIsAPrefixMatch(region: String, origin: String, inside: Bool) throws {
        let region = try #require(AdministrativeCode(region))
        let origin = try #require(AdministrativeCode(origin))
        #expect(region.contains(origin) == inside)
    }
}
