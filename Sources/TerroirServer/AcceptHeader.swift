/// The media types a request's `Accept` header names, matched on its bytes: the
/// standard library's generic `firstRange(of:)` was a seventh of a resolver lookup in
/// `perf record` profiles, and Foundation's `contains` showed there before it.
struct AcceptHeader {
    private let bytes: [UInt8]

    init(_ text: String?) {
        bytes = Array((text ?? "").utf8)
    }

    /// Whether the header names `type` anywhere (`text/html` in `text/html,*/*`).
    func names(_ type: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount)
        guard let first = needle.first, needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == first {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
