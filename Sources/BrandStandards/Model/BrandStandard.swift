import Measures

/// A brand standard as a brand officer writes it in `Brands/<id>/brand.yaml`.
public struct BrandStandard: Equatable, Sendable, Codable {
    /// Stable id, also the brand's folder name.
    public var id: String
    /// Which brand model it follows.
    public var model: BrandModel
    /// The brand's name.
    public var name: LocalizedText
    /// The body that owns the brand and writes its standard.
    public var owner: LocalizedText
    /// The standard's version, as the owner numbers it.
    public var version: String
    /// Whether the standard is in force.
    public var status: StandardStatus
    /// When the standard takes effect and, if set, when it ends.
    public var effective: EffectivePeriod
    /// Where products must come from.
    public var region: ProductionRegion
    /// Which 斤 and 两 a bare `斤` means in this brand's product data: as the
    /// standard says, else as its country implies; `nil` when neither tells, and then
    /// a bare `斤` is refused as ambiguous.
    public var jinRegion: JinRegion?
    /// The https base URL of the brand's Digital Link resolver.
    public var resolver: String
    /// How the resolver answers scans, as the standard sets it (`resolving:`).
    public var resolving: ResolverRules?
    /// The N+X series, for brands of that model.
    public var series: BrandSeries?
    /// The villages, for one-village-one-product brands.
    public var villages: [Village]
    /// The product categories, in the brand's order.
    public var categories: [ProductCategory]
    /// What labels must carry and how they are printed.
    public var labels: LabelRules
    /// Commitment certificates, for brands whose categories are sold with them.
    public var certificates: CertificateRules?

    /// The category with this id.
    public func category(_ id: String) -> ProductCategory? {
        categories.first { $0.id == id }
    }

    enum CodingKeys: String, CodingKey {
        case id, model, name, owner, version, status, effective, region, jinRegion = "jin_region"
        case resolver, resolving, series, villages, categories, labels, certificates
    }

    /// How the resolver answers scans: the standard's `resolving:`, else `ResolverRules.standard`.
    public var resolverRules: ResolverRules { resolving ?? .standard }

    /// Whether products of `category` are sold with a commitment certificate.
    public func needsCertificate(_ category: String) -> Bool {
        certificates?.categories.contains(category) ?? false
    }
}

/// The brand models a standard can express.
public enum BrandModel: String, Equatable, Sendable, Codable, CaseIterable {
    /// A county public brand: N core categories plus an open X.
    case nPlusX = "n_plus_x"
    /// A geographical indication: one product, a defined area, quality characteristics.
    case geographicalIndication = "geographical_indication"
    /// One village, one product, one shop.
    case oneVillageOneProduct = "one_village_one_product"
}

/// Where a standard is in its life.
public enum StandardStatus: String, Equatable, Sendable, Codable, CaseIterable {
    case draft, active, retired
}

/// The days a standard is in force.
public struct EffectivePeriod: Equatable, Sendable, Codable {
    public var from: CalendarDay
    public var to: CalendarDay?
}
