import Measures

/// Where products of a brand must come from.
public struct ProductionRegion: Equatable, Sendable, Codable {
    /// ISO 3166-1 alpha-2 country code (`CN`).
    public var country: String
    /// The divisions that make up the region; an origin is inside when one contains it.
    public var codes: [AdministrativeCode]
    /// The region's name.
    public var name: LocalizedText?

    /// Whether a product's origin lies inside the region.
    public func contains(_ origin: AdministrativeCode) -> Bool {
        codes.contains { $0.contains(origin) }
    }
}
