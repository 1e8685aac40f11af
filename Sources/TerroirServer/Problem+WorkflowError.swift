import Foundation
import HTTPTypes
import Measures
import ProductSpecs
import Workflows

extension Problem {
    /// A refused or failed operation, in HTTP's terms: forbidden 403, not found 404,
    /// conflict 409, a wrong request 422, the store's own failure 500. Reasons and
    /// findings become the `reasons` and `findings` members.
    init(_ error: WorkflowError) {
        let status: HTTPResponse.Status = switch error.kind {
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalid: .unprocessableContent
        case .failure: .internalServerError
        }
        self.init(status, error.code, error.kind == .failure
                  ? LocalizedText(zh: "服务器内部错误", en: "the server failed; the request was not applied") : error.message)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if !error.reasons.isEmpty, let json = try? encoder.encode(error.reasons) {
            extensions["reasons"] = String(decoding: json, as: UTF8.self)
        }
        // A finding's location is the request's field: as a JSON pointer here.
        let findings = error.findings.map { finding in
            var finding = finding
            finding.location = "/" + finding.location
            return finding
        }
        if !findings.isEmpty, let json = try? encoder.encode(findings) {
            extensions["findings"] = String(decoding: json, as: UTF8.self)
        }
        if !error.diagnostics.isEmpty, let json = try? encoder.encode(error.diagnostics) {
            extensions["diagnostics"] = String(decoding: json, as: UTF8.self)
        }
        if let compliance = error.compliance {
            extensions["compliance"] = (try? compliance.storedJSON()) ?? "null"
        }
    }
}
