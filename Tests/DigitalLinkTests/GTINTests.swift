import DigitalLink
import Testing

struct GTINTests {
    @Test(arguments: [
        ("96385074", "00000096385074"),
        ("614141000036", "00614141000036"),
        ("6901234567892", "06901234567892"),
        ("4006381333931", "04006381333931"),
        ("10614141000033", "10614141000033"),
        ("690-1234-56789-2", "06901234567892"),
    ])
    func normalisesToFourteenDigits(text: String, digits: String) throws {
        #expect(try GTIN(text).digits == digits)
    }

    @Test(arguments: [
        ("6901234567893", "gtin.check_digit"),
        ("4006381333932", "gtin.check_digit"),
        ("690123456789", "gtin.check_digit"),
        ("69012345678", "gtin.length"),
        ("690123456789012", "gtin.length"),
        ("69012345678X2", "gtin.format"),
        ("", "gtin.format"),
    ])
    func rejects(text: String, code: String) {
        #expect {
            try GTIN(text)
        } throws: { error in
            (error as? GTIN.Problem)?.code == code
        }
    }

    @Test func theCheckDigitIsReportedWithWhatWasFound() {
        #expect(throws: GTIN.Problem.checkDigit(expected: "2", found: "3")) { try GTIN("6901234567893") }
    }

    @Test func chinesePrefixesAreRecognised() throws {
        #expect(try GTIN("6901234567892").isGS1China)
        #expect(try !GTIN("4006381333931").isGS1China)
    }
}
