import Foundation

/// An opaque position in the catalog's stable order (by product id), for paging
/// platforms: base64url of `v1:<last id>`. Keyset paging never skips or repeats an
/// item that exists throughout a walk, whatever is written meanwhile.
public struct CatalogCursor: Equatable, Sendable {
    /// The last product id of the page before.
    public let after: Int64

    /// The start of the catalog.
    public static let start = CatalogCursor(after: 0)

    public init(after: Int64) {
        self.after = after
    }

    /// Reads a cursor a client sent back; `nil` for anything this service did not make.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count <= 64, let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("v1:"),
              let after = Int64(text.dropFirst(3)), after >= 0 else { return nil }
        self.after = after
    }

    /// The token to hand a client.
    public var token: String {
        Data("v1:\(after)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
