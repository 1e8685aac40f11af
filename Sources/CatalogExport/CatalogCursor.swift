import DigitalLink
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
        guard token.count <= 64, let bytes = Base64URL.decode(token),
              let text = String(validating: bytes, as: UTF8.self), text.hasPrefix("v1:"),
              let after = Int64(text.dropFirst(3)), after >= 0 else { return nil }
        self.after = after
    }

    /// The token to hand a client.
    public var token: String {
        Base64URL.encode("v1:\(after)".utf8)
    }
}
