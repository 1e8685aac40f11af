import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import HTTPTypes
import Hummingbird
import Measures
import ProductSpecs

/// An error a client is told about, as RFC 9457 `application/problem+json`: a status,
/// a stable code, and what went wrong in English and Chinese.
public struct Problem: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let detail: LocalizedText
    /// Extra members, such as a compliance report or refusal reasons, as JSON text.
    public var extensions: [String: String] = [:]
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, zh: String, en: String) {
        self.status = status
        self.code = code
        detail = LocalizedText(zh: zh, en: en)
    }

    public init(_ status: HTTPResponse.Status, _ code: String, _ detail: LocalizedText) {
        self.status = status
        self.code = code
        self.detail = detail
    }

    static let contentType = "application/problem+json"

    var response: Response {
        var json = "{\"type\":\"https://terroir.dev/problems/\(code)\",\"title\":" + JSONText.quoted(status.reasonPhrase)
            + ",\"status\":\(status.code),\"code\":" + JSONText.quoted(code)
            + ",\"detail\":" + JSONText.quoted(detail.en) + ",\"detail_zh\":" + JSONText.quoted(detail.zh)
        for (key, value) in extensions.sorted(by: { $0.key < $1.key }) { json += "," + JSONText.quoted(key) + ":" + value }
        json += "}"
        var fields = headers
        fields[.contentType] = Self.contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

extension Problem {
    static func notFound(_ what: String, zh: String) -> Problem {
        Problem(.notFound, "not_found", zh: zh, en: what)
    }

    static func badRequest(_ code: String, zh: String, en: String) -> Problem {
        Problem(.badRequest, code, zh: zh, en: en)
    }
}
