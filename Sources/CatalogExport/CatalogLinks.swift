/// The public pages terroir-server answers under a brand's resolver base, beside the
/// Digital Link resolver: what exports link to, written and read in one place.
public enum CatalogLinks {
    /// A page under a resolver base.
    public enum Page: Equatable, Sendable {
        /// `{base}/products/{id}`: a product of the catalog, for people.
        case product(Int64)
        /// `{base}/brands/{brand}`: the brand and its catalog.
        case brand(String)
        /// `{base}/brands/{brand}/mark.png`: the brand mark.
        case mark(String)
    }

    /// The URL of `page` under `base` (no trailing slash).
    public static func url(_ page: Page, base: String) -> String {
        switch page {
        case .product(let id): "\(base)/products/\(id)"
        case .brand(let brand): "\(base)/brands/\(brand)"
        case .mark(let brand): "\(base)/brands/\(brand)/mark.png"
        }
    }

    /// The page a request path names, under any prefix (the brand's resolver path).
    public static func page(path: String) -> Page? {
        // The last three segments only: every resolver lookup asks this first, and
        // splitting a whole path showed in `perf record` profiles.
        var segments: [Substring] = []
        var end = path.endIndex
        while segments.count < 3, let slash = path[..<end].lastIndex(of: "/") {
            let segment = path[path.index(after: slash)..<end]
            if !segment.isEmpty { segments.insert(segment, at: 0) }
            end = slash
        }
        if segments.count < 3, !path[..<end].isEmpty { segments.insert(path[..<end], at: 0) }
        guard segments.count >= 2 else { return nil }
        let last = segments[segments.count - 1], before = segments[segments.count - 2]
        if before == "products", let id = Int64(last), id > 0 { return .product(id) }
        if before == "brands", isBrandID(last) { return .brand(String(last)) }
        if segments.count >= 3, last == "mark.png", segments[segments.count - 3] == "brands", isBrandID(before) { return .mark(String(before)) }
        return nil
    }

    private static func isBrandID(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
    }
}
