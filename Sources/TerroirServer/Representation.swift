import BrandStandards
import CatalogStore
import CompressNIO
import DigitalLink
import Foundation
import HTTPTypes
import Hummingbird
import Measures
import NIOCore
import ProductSpecs

/// A response body with a strong ETag: answered 304 to a matching `If-None-Match`,
/// gzipped when the client accepts it (a different representation, so its own ETag).
struct Representation {
    /// The body; a buffer the catalog cache keeps is sent as it is, not copied.
    let buffer: ByteBuffer
    let contentType: String
    let digest: String

    init(bytes: [UInt8], contentType: String) {
        self.init(buffer: ByteBuffer(bytes: bytes), contentType: contentType, digest: Self.digest(bytes))
    }

    init(buffer: ByteBuffer, contentType: String, digest: String) {
        self.buffer = buffer
        self.contentType = contentType
        self.digest = digest
    }

    /// The first 128 bits of the bytes' SHA-256, in hexadecimal.
    static func digest(_ bytes: [UInt8]) -> String {
        Digests.sha256Hex(bytes, bytes: 16)
    }

    func response(to request: Request, status: HTTPResponse.Status = .ok) throws -> Response {
        let gzip = Self.acceptsGzip(request)
        let tag = gzip ? "\"\(digest)-gzip\"" : "\"\(digest)\""
        var headers: HTTPFields = [.eTag: tag, .vary: "Accept-Encoding", .contentType: contentType]
        if let match = request.headers[.ifNoneMatch], Self.matches(match, tag: tag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        var buffer = buffer
        if gzip {
            buffer = try buffer.compress(with: .gzip())
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    static func acceptsGzip(_ request: Request) -> Bool {
        guard let accept = request.headers[.acceptEncoding]?.lowercased() else { return false }
        return accept.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return pieces.first == "gzip" && !pieces.dropFirst().contains("q=0")
        }
    }

    /// `If-None-Match: "a", W/"b"` or `*`: weak comparison, as RFC 9110 asks for it.
    static func matches(_ header: String, tag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let value = candidate.trimmingCharacters(in: .whitespaces)
            return value == "*" || value == tag || value == "W/" + tag
        }
    }
}
