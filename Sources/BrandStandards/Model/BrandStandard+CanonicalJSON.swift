import Foundation

extension BrandStandard {
    /// The standard's canonical JSON: keys sorted, so the same standard always gives
    /// the same bytes. This is the form the HTTP API serves and the store keeps.
    /// - Throws: only if encoding fails, which a loaded standard never does.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
