extension String {
    /// The first control character in the text (C0, DEL, C1: a NUL, an escape, a
    /// backspace), or `nil`. Tabs and line breaks count too unless allowed.
    /// By bytes first, since nearly every text has none.
    public func firstControlCharacter(allowingLineBreaks: Bool) -> Unicode.Scalar? {
        // C0 and DEL are single bytes; C1 controls start with C2. Over the contiguous
        // UTF-8 of a native string: the generic view's loop showed in import profiles.
        func candidate(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F || byte == 0xC2 }
        let suspect = utf8.withContiguousStorageIfAvailable { $0.contains(where: candidate) } ?? utf8.contains(where: candidate)
        guard suspect else { return nil }
        return unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: !allowingLineBreaks
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: true
            default: false
            }
        }
    }
}

extension Unicode.Scalar {
    /// The scalar as people read it in a message: `U+0000`.
    public var codePointText: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
