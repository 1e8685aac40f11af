import Hummingbird
import NIOCore

/// A resolver lookup's `200` answer: the one value both the router's route and
/// `ResolverFastPath` send, so the two cannot answer differently.
struct ResolverAnswer: Sendable {
    let contentType: String
    let body: ByteBuffer

    var headers: HTTPFields {
        [.contentType: contentType, .vary: "Accept", .cacheControl: "no-store"]
    }

    var response: Response {
        Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
