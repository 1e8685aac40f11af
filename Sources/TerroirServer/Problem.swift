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
    /// Extra members, such as a compliance report or refusal reasons.
    public var extensions: [String: any Encodable & Sendable] = [:]
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
        var fields = headers
        fields[.contentType] = Self.contentType
        // Plain values: encoding cannot fail, but a problem must be answered whatever happens.
        let bytes = (try? ServerState.jsonBytes(Document(problem: self))) ?? Array("{\"status\":\(status.code),\"code\":\"\(code)\"}".utf8)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The problem as its JSON members: RFC 9457's, ours, then the extensions.
    private struct Document: Encodable {
        let problem: Problem

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("https://terroir.dev/problems/\(problem.code)", forKey: Key("type"))
            try container.encode(problem.status.reasonPhrase, forKey: Key("title"))
            try container.encode(problem.status.code, forKey: Key("status"))
            try container.encode(problem.code, forKey: Key("code"))
            try container.encode(problem.detail.en, forKey: Key("detail"))
            try container.encode(problem.detail.zh, forKey: Key("detail_zh"))
            for (name, value) in problem.extensions { try container.encode(value, forKey: Key(name)) }
        }
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
