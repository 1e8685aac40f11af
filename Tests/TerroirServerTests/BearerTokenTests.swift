@testable import TerroirServer
import Testing

/// `Authorization: Bearer TOKEN` is read in any case of the scheme, with the spaces
/// around the token ignored; another scheme is no token.
struct BearerTokenTests {
    @Test(arguments: [
        ("Bearer abc", "abc"), ("bearer abc", "abc"), ("BEARER abc", "abc"), ("Bearer   abc  ", "abc"), ("Bearer \tabc\t", "abc"),
        ("Bearer a b", "a b"), ("Bearer ", nil), ("Bearer    ", ""), ("Basic abc", nil), ("Bearerabc", nil), ("", nil), ("Bear", nil),
    ] as [(String, String?)])
    func readsTheToken(header: String, token: String?) {
        #expect(AuthMiddleware.bearerToken(header) == token, "\(header)")
    }
}
