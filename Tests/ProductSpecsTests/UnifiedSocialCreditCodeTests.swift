import ProductSpecs
import Testing

struct UnifiedSocialCreditCodeTests {
    @Test(arguments: ["91350100M000100Y43", "91321324MA1N2K3L4H", "93370682ma3m8n9p0r"])
    func acceptsCodesWithTheirCheckCharacter(text: String) throws {
        #expect(try UnifiedSocialCreditCode(text).text == text.uppercased())
    }

    @Test(arguments: [
        ("91350100M000100Y44", "uscc.check_character"),
        ("91350100M000100Y4", "uscc.length"),
        ("91350100M000100I43", "uscc.character"),
        ("9135O100M000100Y43", "uscc.character"),
    ])
    func rejects(text: String, code: String) {
        #expect {
            try UnifiedSocialCreditCode(text)
        } throws: { error in
            (error as? UnifiedSocialCreditCode.Problem)?.code == code
        }
    }
}
