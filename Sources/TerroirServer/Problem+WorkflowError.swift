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
        if !error.reasons.isEmpty { extensions["reasons"] = error.reasons }
        // A finding's location is the request's field: as a JSON pointer here.
        let findings = error.findings.map { finding in
            var finding = finding
            finding.location = "/" + finding.location
            return finding
        }
        if !findings.isEmpty { extensions["findings"] = findings }
        if !error.diagnostics.isEmpty { extensions["diagnostics"] = error.diagnostics }
        if let compliance = error.compliance { extensions["compliance"] = compliance }
    }
}
