/// How the brand's resolver answers a scan: where a person is sent, and how many
/// scans of one label make it suspicious.
public struct ResolverRules: Equatable, Sendable, Codable {
    /// Where a scan without a `linkType` is redirected.
    public enum DefaultLink: String, Equatable, Sendable, Codable, CaseIterable {
        /// The verification page: the verdict, the product and where it comes from.
        case verification
        /// The village outlet of the product's origin, where it has one with a web
        /// address; the verification page otherwise.
        case shop
    }

    public var defaultLink: DefaultLink
    /// Scans of one label above which the resolver calls it suspicious (copies of it
    /// are likely about).
    public var suspiciousScans: Int

    public init(defaultLink: DefaultLink = .verification, suspiciousScans: Int = 20) {
        self.defaultLink = defaultLink
        self.suspiciousScans = suspiciousScans
    }

    /// A standard's rules when it says nothing: the verification page, suspicious
    /// after 20 scans.
    public static let standard = ResolverRules()

    enum CodingKeys: String, CodingKey {
        case defaultLink = "default_link", suspiciousScans = "suspicious_scans"
    }
}
