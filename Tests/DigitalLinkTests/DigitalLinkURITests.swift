import DigitalLink
import Testing

struct DigitalLinkURITests {
    @Test(arguments: [
        "https://id.gs1.org/01/09520123456788",
        "https://example.com/01/09520123456788/10/ABC123/21/12345",
        "https://example.com/01/09520123456788/22/2A/10/ABC%2F123/21/456",
        "https://example.com/01/09520123456788/10/ABC123?17=180426",
        "https://id.sihong.example.cn/01/06901234567014/10/L2026-11/21/A7K2?17=271130&422=156",
        "https://example.com/some/path/01/09520123456788/21/XYZ?linkType=gs1:pip",
    ])
    func parsesAndBuildsTheSameText(text: String) throws {
        let uri = try DigitalLinkURI(parsing: text)
        #expect(uri.description == text)
    }

    @Test func readsQueryAttributesAndPadsShortGTINs() throws {
        let uri = try DigitalLinkURI(parsing: "https://id.example.cn/01/6901234567014/10/L1?17=271231&7007=260901261015&s=abc&linkType=gs1:pip")
        #expect(uri.gtin.digits == "06901234567014")
        #expect(uri.attributes.map(\.ai) == ["17", "7007"] && uri.attributes.map(\.value) == ["271231", "260901261015"])
        #expect(uri.otherQuery.map(\.name) == ["s", "linkType"])
        #expect(try DigitalLinkURI(parsing: "https://id.example.cn/01/12345670").gtin.digits == "00000012345670")
    }

    @Test func readsTheParts() throws {
        let uri = try DigitalLinkURI(parsing: "https://example.com/base/01/9520123456788/22/2A/10/ABC%2F123/21/456?17=180426&7007=180101180131")
        #expect(uri.base == "https://example.com/base")
        #expect(uri.gtin.digits == "09520123456788")
        #expect(uri.cpv == "2A")
        #expect(uri.lot == "ABC/123")
        #expect(uri.serial == "456")
        #expect(uri.attributes.map(\.ai) == ["17", "7007"])
        #expect(uri.description == "https://example.com/base/01/09520123456788/22/2A/10/ABC%2F123/21/456?17=180426&7007=180101180131")
    }

    @Test func acceptsTheLegacyShortNamesButWritesNumericAIs() throws {
        let uri = try DigitalLinkURI(parsing: "https://example.com/gtin/09520123456788/lot/ABC/ser/1?exp=180426")
        #expect(uri.description == "https://example.com/01/09520123456788/10/ABC/21/1?17=180426")
    }

    @Test func escapesTheReservedCharacters() throws {
        let uri = try DigitalLinkURI(base: "https://example.com", gtin: try GTIN("09520123456788"), lot: #"!"%&'()*+,-./:;<=>?_"#)
        #expect(uri.description == "https://example.com/01/09520123456788/10/%21%22%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F_")
        #expect(try DigitalLinkURI(parsing: uri.description).lot == #"!"%&'()*+,-./:;<=>?_"#)
    }

    @Test(arguments: [
        ("https://example.com/01/09520123456788/21/1/10/A", "dl.qualifier_order"),
        ("https://example.com/01/09520123456788/10/A/10/B", "dl.qualifier_duplicate"),
        ("https://example.com/01/09520123456789", "gtin.check_digit"),
        ("https://example.com/01/952012345678", "gtin.check_digit"),
        ("https://example.com/01/95201234567", "gtin.length"),
        ("https://example.com/10/ABC", "dl.primary_key_missing"),
        ("ftp://example.com/01/09520123456788", "dl.not_a_uri"),
        ("https://example.com/01/09520123456788/10/123456789012345678901", "dl.value_length"),
        ("https://example.com/01/09520123456788/10/%E6%89%B9", "dl.value_charset"),
        ("https://example.com/01/09520123456788/10/A%2", "dl.percent_encoding"),
        ("https://example.com/01/09520123456788/99/A", "dl.unknown_path_element"),
        ("https://example.com/01/09520123456788?17=181326", "dl.attribute_format"),
        ("https://example.com/01/09520123456788?422=CN", "dl.attribute_format"),
        // GS1's syntax rules: the key and its qualifiers belong in the path, each attribute once.
        ("https://example.com/01/09520123456788?01=09520123456788", "dl.key_in_query"),
        ("https://example.com/01/09520123456788/10/A?21=7", "dl.key_in_query"),
        ("https://example.com/01/09520123456788?lot=A", "dl.key_in_query"),
        ("https://example.com/01/09520123456788?17=271231&7007=2609&17=271231", "dl.attribute_duplicate"),
    ])
    func refusesWithACode(text: String, code: String) {
        #expect {
            try DigitalLinkURI(parsing: text)
        } throws: { error in
            (error as? DigitalLinkError)?.code == code
        }
    }

    @Test func refusesChineseInALotWhenBuilding() throws {
        #expect(throws: DigitalLinkError.invalidCharacter(ai: "10", value: "新米批次")) {
            try DigitalLinkURI(base: "https://example.com", gtin: try GTIN("09520123456788"), lot: "新米批次")
        }
    }
}

/// Values that URI normalisation rewrites are refused, so that every issued URI
/// reaches the resolver as it was printed.
struct DotSegmentTests {
    @Test(arguments: [(".", "10"), ("..", "10"), (".", "21"), ("..", "22")])
    func aDotSegmentIsRefused(value: String, ai: String) throws {
        let gtin = try GTIN("6901234567014")
        #expect(throws: DigitalLinkError.dotSegment(ai: ai, value: value)) {
            try DigitalLinkURI(base: "https://id.example.cn", gtin: gtin, cpv: ai == "22" ? value : nil,
                               lot: ai == "10" ? value : nil, serial: ai == "21" ? value : nil)
        }
    }

    @Test func dotsInsideALotAreFine() throws {
        let uri = try DigitalLinkURI(base: "https://id.example.cn", gtin: try GTIN("6901234567014"), lot: "L.2026..11", serial: "...5")
        #expect(uri.description.hasSuffix("/10/L.2026..11/21/...5"))
    }
}
