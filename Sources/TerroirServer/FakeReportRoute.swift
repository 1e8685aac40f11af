import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import NIOCore

extension ServerState {
    /// `POST {prefix}/verify/01/…` (the verification page's form, no script): a
    /// consumer's report of a suspected fake. Keeps what was scanned and the note, and
    /// a contact only when the consumer left one; answers the page again with thanks.
    /// Reports from everyone share one rate limit, so a flood cannot fill the store.
    func fakeReport(_ request: Request) async throws -> Response {
        // Only the verification page takes a report: anything else is no route for a POST.
        guard ResolverLinks.isVerificationPath(request.uri.path) else { throw HTTPError(.notFound) }
        let accept = AcceptHeader(request.headers[.accept])
        do {
            let uri = try Self.digitalLink(path: request.uri.path, query: request.uri.query)
            guard case .page = try ResolverAsk(uri: uri, accept: AcceptHeader("text/html")) else { throw HTTPError(.notFound) }
            guard let product = try await cache.product(gtin: uri.gtin) else {
                throw Problem.notFound("no product has the GTIN \(uri.gtin.digits)", zh: "没有 GTIN 为 \(uri.gtin.digits) 的产品")
            }
            let form = try FakeReportForm(body: try await request.body.collect(upTo: FakeReportForm.maximumBytes),
                                          contentType: request.headers[.contentType])
            if let wait = reportLimiter.take(key: 0) {
                var problem = Problem(.tooManyRequests, "rate.limited", zh: "举报太多，请 \(wait) 秒后重试", en: "too many reports just now; retry in \(wait) s")
                problem.headers[.retryAfter] = String(wait)
                throw problem
            }
            let store = self.store
            _ = try await offload {
                try store.addFakeReport(gtin: uri.gtin.digits, lot: uri.lot ?? "", serial: uri.serial ?? "", note: form.note, contact: form.contact)
            }
            let facts = try await scanFacts(uri: uri, product: product, counts: false, wantsCertificate: true)
            let page = ResolverPage(uri: uri, product: product, facts: facts, reported: true)
            var headers = Self.cors
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .created, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
        } catch let problem as Problem {
            return Self.resolverProblem(problem, accept: accept)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return Self.resolverProblem(Problem(.contentTooLarge, "body.too_large", zh: "举报内容过长（最多 \(FakeReportForm.maximumBytes) 字节）",
                                                en: "the report is too long (at most \(FakeReportForm.maximumBytes) bytes)"), accept: accept)
        }
    }
}

/// The fields of the report form, `application/x-www-form-urlencoded`.
struct FakeReportForm {
    let note: String
    let contact: String?

    static let maximumBytes = 4096

    /// - Throws: `415` for a body that is not a form, `422` for a missing, overlong
    ///   or unreadable note or contact.
    init(body: ByteBuffer, contentType: String?) throws {
        guard contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw Problem(.unsupportedMediaType, "body.media_type", zh: "举报表单应为 application/x-www-form-urlencoded",
                          en: "a report is sent as application/x-www-form-urlencoded")
        }
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), let value = Self.decoded(parts.count > 1 ? parts[1] : "") else {
                throw Problem(.unprocessableContent, "field.invalid", zh: "表单编码有误", en: "the form is not properly encoded")
            }
            fields[name] = value
        }
        let note = (fields["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            throw Problem(.unprocessableContent, "field.required", zh: "请写下看到了什么（note）", en: "say what you saw (note)")
        }
        guard note.count <= ResolverPage.maximumNote else {
            throw Problem(.unprocessableContent, "field.too_long", zh: "说明最多 \(ResolverPage.maximumNote) 个字（收到 \(note.count) 个）",
                          en: "the note takes at most \(ResolverPage.maximumNote) characters (got \(note.count))")
        }
        let contact = (fields["contact"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard contact.count <= ResolverPage.maximumContact else {
            throw Problem(.unprocessableContent, "field.too_long", zh: "联系方式最多 \(ResolverPage.maximumContact) 个字",
                          en: "the contact takes at most \(ResolverPage.maximumContact) characters")
        }
        guard note.firstControlCharacter(allowingLineBreaks: true) == nil, contact.firstControlCharacter(allowingLineBreaks: false) == nil else {
            throw Problem(.unprocessableContent, "field.control_character", zh: "说明或联系方式中有控制字符", en: "the note or the contact holds a control character")
        }
        self.note = note
        self.contact = contact.isEmpty ? nil : contact
    }

    private static func decoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
