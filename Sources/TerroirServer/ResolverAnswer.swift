import HTTPTypes
import Hummingbird
import NIOCore

/// A resolver lookup's answer: the one value both the router's route and
/// `ResolverFastPath` send, so the two cannot answer differently.
struct ResolverAnswer: Sendable {
    let status: HTTPResponse.Status
    let contentType: String?
    let body: ByteBuffer
    /// The `Link` header: the item's link set and links.
    let link: String
    /// Where a redirect sends the client.
    var location: String? = nil

    /// A `307 Temporary Redirect` to `target`.
    static func redirect(to target: String, link: String) -> ResolverAnswer {
        ResolverAnswer(status: .temporaryRedirect, contentType: nil, body: ByteBuffer(), link: link, location: target)
    }

    static let linkField = HTTPField.Name("Link")!

    var headers: HTTPFields {
        // Appended, not set: a set looks for the name among the fields first.
        var headers = ServerState.cors
        headers.reserveCapacity(headers.count + 8)
        if let contentType { headers.append(HTTPField(name: .contentType, value: contentType)) }
        if let location { headers.append(HTTPField(name: .location, value: location)) }
        headers.append(HTTPField(name: Self.linkField, value: link))
        headers.append(HTTPField(name: .vary, value: "Accept"))
        headers.append(HTTPField(name: .cacheControl, value: "no-store"))
        return headers
    }

    var response: Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}
