/// A request's `Accept` header (RFC 9110 §12.5.1): its media ranges with their
/// q-values, read on bytes. The standard library's generic `firstRange(of:)` was a
/// seventh of a resolver lookup in `perf record` profiles, and Foundation's
/// `contains` showed there before it.
struct AcceptHeader {
    private struct Range {
        /// `text/html`, `text/*` or `*/*`, lowercased.
        let type: [UInt8]
        let quality: Double
    }

    private let ranges: [Range]

    init(_ text: String?) {
        var ranges: [Range] = []
        for element in (text ?? "").utf8.split(separator: UInt8(ascii: ",")) {
            let parts = element.split(separator: UInt8(ascii: ";"))
            guard let first = parts.first else { continue }
            let type = Self.trimmed(first).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            guard !type.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let parameter = Self.trimmed(parameter)
                if parameter.count >= 2, parameter[0] | 0x20 == UInt8(ascii: "q"), parameter[1] == UInt8(ascii: "=") {
                    quality = Double(String(decoding: parameter.dropFirst(2), as: UTF8.self)).map { min(max($0, 0), 1) } ?? 0
                }
            }
            ranges.append(Range(type: type, quality: quality))
        }
        self.ranges = ranges
    }

    /// How much the client wants `type` (`text/html`), 0 to 1: the q-value of the most
    /// specific range that matches it (`text/html` before `text/*` before `*/*`). A
    /// missing or empty header accepts everything.
    func quality(of type: StaticString) -> Double {
        guard !ranges.isEmpty else { return 1 }
        let wanted = UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount)
        let slash = wanted.firstIndex(of: UInt8(ascii: "/")) ?? wanted.count
        var best: (specificity: Int, quality: Double) = (-1, 0)
        for range in ranges {
            let specificity: Int
            if range.type.elementsEqual(wanted) {
                specificity = 2
            } else if range.type.count == slash + 2, range.type.last == UInt8(ascii: "*"), range.type.prefix(slash + 1).elementsEqual(wanted.prefix(slash + 1)) {
                specificity = 1
            } else if range.type.elementsEqual("*/*".utf8) {
                specificity = 0
            } else {
                continue
            }
            if specificity > best.specificity { best = (specificity, range.quality) }
        }
        return best.quality
    }

    /// Which of `offered` the client wants most: the first of those with the highest
    /// q-value above 0, `nil` when it accepts none of them.
    func preferred<Choice>(_ offered: [(StaticString, Choice)]) -> Choice? {
        var best: (quality: Double, choice: Choice)?
        for (type, choice) in offered {
            let quality = quality(of: type)
            if quality > 0, quality > (best?.quality ?? 0) { best = (quality, choice) }
        }
        return best?.choice
    }

    private static func trimmed(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(bytes.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
    }
}
