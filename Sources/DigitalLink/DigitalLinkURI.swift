import Foundation

/// A GS1 Digital Link URI for a trade item:
/// `https://{resolver}[/{path}]/01/{gtin14}[/22/{cpv}][/10/{lot}][/21/{serial}][?{ai}={value}&...]`.
///
/// Built with numeric application identifiers; parsed also from the legacy short
/// names (`/gtin/…/lot/…/ser/…`, `?exp=…`).
public struct DigitalLinkURI: Equatable, Sendable, CustomStringConvertible {
    /// The resolver's base URL, without a trailing slash (`https://id.example.cn`).
    public var base: String
    /// AI 01.
    public var gtin: GTIN
    /// AI 22: consumer product variant.
    public var cpv: String?
    /// AI 10: batch or lot.
    public var lot: String?
    /// AI 21: serial number.
    public var serial: String?
    /// Data attributes in the query string, by numeric AI (`17` expiry, `11` production
    /// date, `13` packaging date, `15` best before, `7007` harvest date, `422` country
    /// of origin), in order.
    public var attributes: [(ai: String, value: String)]
    /// Other query parameters (such as `linkType`), kept as given, still encoded.
    public var otherQuery: [(name: String, value: String)]

    /// The key qualifiers of AI 01, in the order the path must give them.
    static let qualifiers = ["22", "10", "21"]
    /// Legacy short names accepted when parsing.
    static let shortNames = ["gtin": "01", "cpv": "22", "lot": "10", "ser": "21", "exp": "17", "expdt": "17", "prodDate": "11",
                             "packDate": "13", "bestBeforeDate": "15"]

    /// Creates a URI, checking every value.
    /// - Throws: `DigitalLinkError` for a value the standard does not allow.
    public init(base: String, gtin: GTIN, cpv: String? = nil, lot: String? = nil, serial: String? = nil,
                attributes: [(ai: String, value: String)] = [], otherQuery: [(name: String, value: String)] = []) throws(DigitalLinkError) {
        // On bytes: this runs for every URI parsed, and every resolver lookup parses one.
        let scheme = base.utf8.starts(with: "https://".utf8) ? 8 : base.utf8.starts(with: "http://".utf8) ? 7 : 0
        guard scheme > 0, base.utf8.dropFirst(scheme).contains(where: { $0 != UInt8(ascii: "/") }) else { throw .notAURI(base) }
        self.base = base.utf8.last == UInt8(ascii: "/") ? String(base.dropLast()) : base
        self.gtin = gtin
        self.cpv = cpv
        self.lot = lot
        self.serial = serial
        self.attributes = attributes
        self.otherQuery = otherQuery
        if let cpv { try Self.checkAlphanumeric(ai: "22", cpv) }
        if let lot { try Self.checkAlphanumeric(ai: "10", lot) }
        if let serial { try Self.checkAlphanumeric(ai: "21", serial) }
        for (ai, value) in attributes { try Self.checkAttribute(ai: ai, value) }
    }

    public static func == (lhs: DigitalLinkURI, rhs: DigitalLinkURI) -> Bool {
        lhs.description == rhs.description
    }

    /// The URI as text, with values percent-encoded.
    public var description: String {
        var uri = "\(base)/01/\(gtin.digits)"
        for (ai, value) in [("22", cpv), ("10", lot), ("21", serial)] {
            if let value { uri += "/\(ai)/\(GS1Characters.percentEncoded(value))" }
        }
        let query = attributes.map { "\($0.ai)=\(GS1Characters.percentEncoded($0.value))" }
            + otherQuery.map { "\($0.name)=\($0.value)" }
        if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
        return uri
    }

    /// Reads a Digital Link URI.
    /// - Throws: `DigitalLinkError` saying what is wrong.
    public init(parsing text: String) throws(DigitalLinkError) {
        // On bytes, with index arithmetic: the generic `split` and `firstRange` of
        // String took a third of every resolver lookup in profiles.
        let bytes = Array(text.utf8)
        let slash = UInt8(ascii: "/")
        func isScheme(_ name: StaticString, _ end: Int) -> Bool {
            let name = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            return end == name.count && zip(bytes[..<end], name).allSatisfy { $0 | 0x20 == $1 }
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 2 < bytes.count, bytes[colon + 1] == slash, bytes[colon + 2] == slash,
              isScheme("http", colon) || isScheme("https", colon) else {
            throw .notAURI(text)
        }
        let pathStart = colon + 3
        let question = bytes[pathStart...].firstIndex(of: UInt8(ascii: "?"))
        var segments: [String] = []
        var segmentStart = pathStart
        for index in pathStart..<(question ?? bytes.count) where bytes[index] == slash {
            segments.append(String(decoding: bytes[segmentStart..<index], as: UTF8.self))
            segmentStart = index + 1
        }
        segments.append(String(decoding: bytes[segmentStart..<(question ?? bytes.count)], as: UTF8.self))
        let query = question.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) }
        guard let host = segments.first, !host.isEmpty else { throw .notAURI(text) }
        if segments.last == "" { segments.removeLast() }

        // The primary key is the last `01` (or `gtin`) that a GTIN follows, so that a
        // resolver path may itself contain anything.
        var keyIndex: Int?
        for index in 1..<max(1, segments.count - 1) where segments[index] == "01" || segments[index] == "gtin" {
            keyIndex = index
        }
        guard let keyIndex else { throw .missingPrimaryKey }
        // Found by fuzzing: `https://id.example//01/…` kept a base ending in `/`, which
        // the URI's text then dropped, so it did not parse back to itself.
        guard !segments[1..<keyIndex].contains("") else { throw .emptySegment(text) }
        let gtinText = try GS1Characters.percentDecoded(Substring(segments[keyIndex + 1]))
        let gtin: GTIN
        do throws(GTIN.Problem) { gtin = try GTIN(gtinText) } catch { throw .gtin(error) }

        // The qualifiers' values, in `qualifiers`' order.
        var values: [String?] = [nil, nil, nil], last = -1
        var index = keyIndex + 2
        while index < segments.count {
            let name = segments[index]
            let ai = Self.shortNames[name] ?? name
            guard let order = Self.qualifiers.firstIndex(of: ai) else { throw .unknownPathElement(name) }
            guard index + 1 < segments.count else { throw .unknownPathElement(name) }
            guard values[order] == nil else { throw .duplicateQualifier(ai) }
            guard order > last else { throw .qualifierOrder(ai) }
            values[order] = try GS1Characters.percentDecoded(Substring(segments[index + 1]))
            last = order
            index += 2
        }

        var attributes: [(ai: String, value: String)] = [], other: [(name: String, value: String)] = []
        if let query, !query.isEmpty {
            // Split on bytes: `&` and `=` are ASCII, and splitting a String by Character
            // walks grapheme clusters.
            for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
                let equals = pair.firstIndex(of: UInt8(ascii: "="))
                let name = String(Substring(pair[..<(equals ?? pair.endIndex)]))
                let raw = equals.map { Substring(pair[pair.index(after: $0)...]) } ?? ""
                let ai = Self.shortNames[name] ?? name
                if !ai.isEmpty, ai.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    // GS1's syntax rules: the key and its qualifiers only in the path,
                    // each data attribute once.
                    guard ai != "01", !Self.qualifiers.contains(ai) else { throw .keyInQuery(ai) }
                    guard !attributes.contains(where: { $0.ai == ai }) else { throw .duplicateAttribute(ai) }
                    attributes.append((ai, try GS1Characters.percentDecoded(raw)))
                } else {
                    other.append((name, String(raw)))
                }
            }
        }
        let base = String(decoding: bytes[..<pathStart], as: UTF8.self) + segments[..<keyIndex].joined(separator: "/")
        try self.init(base: base, gtin: gtin, cpv: values[0], lot: values[1], serial: values[2],
                      attributes: attributes, otherQuery: other)
    }

    static func checkAlphanumeric(ai: String, _ value: String) throws(DigitalLinkError) {
        guard (1...20).contains(value.utf8.count) else { throw .invalidLength(ai: ai, value: value) }
        guard value.utf8.allSatisfy(GS1Characters.isAllowed) else { throw .invalidCharacter(ai: ai, value: value) }
        // URI normalisation (RFC 3986 §5.2.4) removes `.` and `..` segments: browsers
        // and HTTP clients would turn `/10/../21/5` into `/21/5`.
        guard value != ".", value != ".." else { throw .dotSegment(ai: ai, value: value) }
    }

    /// Checks the data attributes Terroir uses; other numeric AIs pass as GS1 text.
    static func checkAttribute(ai: String, _ value: String) throws(DigitalLinkError) {
        let digits = value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        func isDate(_ text: Substring) -> Bool {
            guard text.count == 6, let month = Int(text.dropFirst(2).prefix(2)), let day = Int(text.suffix(2)) else { return false }
            return (1...12).contains(month) && (0...31).contains(day)
        }
        switch ai {
        case "11", "13", "15", "17":
            guard digits, isDate(Substring(value)) else { throw .invalidAttribute(ai: ai, value: value) }
        case "7007":
            let single = value.count == 6 && isDate(Substring(value))
            let range = value.count == 12 && isDate(Substring(value).prefix(6)) && isDate(Substring(value).suffix(6))
            guard digits, single || range else { throw .invalidAttribute(ai: ai, value: value) }
        case "422":
            guard digits, value.count == 3 else { throw .invalidAttribute(ai: ai, value: value) }
        default:
            guard ai.count >= 2, ai.count <= 4 else { throw .invalidAttribute(ai: ai, value: value) }
            guard value.utf8.allSatisfy(GS1Characters.isAllowed), (1...70).contains(value.utf8.count) else {
                throw .invalidCharacter(ai: ai, value: value)
            }
        }
    }
}
