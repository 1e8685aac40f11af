import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
@testable import TerroirServer
import Testing

/// Commitment certificates over HTTP: issued for a crab, each copy's code opens a page
/// that shows the certificate, valid, then voided; bad requests say what is wrong and
/// write nothing; deleting one inside two years is refused.
struct CertificateTests {
    static func body(_ fixture: ServerFixture, _ changes: [String: Any] = [:], removing: [String] = []) -> ByteBuffer {
        var body: [String: Any] = ["product": fixture.crabID, "quantity": "1000斤", "commitment": "producer", "basis": "self-test",
                                   "report": "JC-2026-1130", "contact": "0527-8888 6666", "count": 2, "format": "pdf"]
        body.merge(changes) { $1 }
        for key in removing { body[key] = nil }
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: body))
    }

    @Test func aCopysCodeOpensTheCertificateValidThenVoided() async throws {
        let fixture = try ServerFixture()
        let producer = ServerFixture.headers(fixture.tokens["producer"]), officer = ServerFixture.headers(fixture.tokens["officer"])
        try await fixture.application.test(.router) { client in
            let issued = try await client.documented(uri: "/v1/certificates", method: .post, headers: producer, body: Self.body(fixture))
            #expect(issued.status == .created, "\(issued.text)")
            let certificate = try #require(issued.json["certificate"] as? [String: Any])
            let fields = try #require(certificate["certificate"] as? [String: Any])
            #expect(fields["quantity"] as? String == "500 kg", "1000 斤 is printed in legal units")
            #expect(fields["quantity_entered"] as? String == "1000斤")
            #expect(fields["issuer_uscc"] as? String == "91321324MA1N2K3L4H")
            let id = try #require(certificate["id"] as? Int)
            let copies = try #require(issued.json["copies"] as? [String: Any])
            let manifest = try #require(copies["manifest"] as? [[String: Any]])
            #expect(manifest.count == 2)
            let uri = try #require(manifest.first?["uri"] as? String)

            // A copy's file is its batch's label, as PDF.
            let batch = try #require(copies["id"] as? Int), serial = try #require(manifest.first?["serial"] as? Int)
            let file = try await client.documented(uri: "/v1/label-batches/\(batch)/labels/\(serial).pdf", method: .get, headers: producer)
            #expect(file.status == .ok && file.headers[.contentType] == "application/pdf" && file.text.hasPrefix("%PDF-"))

            let page = try await client.documented(uri: ResolverTests.page(uri), method: .get, headers: [.accept: "text/html"])
            #expect(page.text.contains("data-verdict=\"genuine\"") && page.text.contains("data-certificate=\"\(id)\""), "\(page.text.suffix(600))")
            for field in ["承诺达标合格证", "500 kg", "91321324MA1N2K3L4H", "0527-8888 6666", "JC-2026-1130", "自行检测合格", "未使用禁用农药"] {
                #expect(page.text.contains(field), "the page lacks \(field)")
            }
            let answer = try await client.documented(uri: ResolverTests.path(uri), method: .get, headers: ResolverTests.json)
            #expect((answer.json["certificate"] as? [String: Any])?["voided"] as? Bool == false)

            let voided = try await client.documented(uri: "/v1/certificates/\(id)/void", method: .post, headers: officer,
                                                  body: ByteBuffer(string: #"{"reason":"wrong weight"}"#))
            #expect(voided.status == .ok && voided.json["voided"] as? Int == 2, "\(voided.text)")
            for copy in manifest.compactMap({ $0["uri"] as? String }) {
                let after = try await client.documented(uri: ResolverTests.page(copy), method: .get, headers: [.accept: "text/html"])
                #expect(after.text.contains("data-verdict=\"voided\"") && after.text.contains("已作废") && after.text.contains("wrong weight"))
            }
            let again = try await client.documented(uri: "/v1/certificates/\(id)/void", method: .post, headers: officer,
                                                 body: ByteBuffer(string: #"{"reason":"again"}"#))
            #expect(again.json["voided"] as? Int == 0)

            // Kept two years: deleting it now is refused, and the record stays.
            let operatorKey = try fixture.store.createAPIKey(name: "op", role: .officer, scope: ["sihong-4x"], actor: "test").token
            let deleted = try await client.documented(uri: "/v1/certificates/\(id)", method: .delete, headers: ServerFixture.headers(operatorKey))
            #expect(deleted.status == .conflict && deleted.text.contains("certificate.retained") && deleted.text.contains("两年"), "\(deleted.text)")
            let forbidden = try await client.documented(uri: "/v1/certificates/\(id)", method: .delete, headers: producer)
            #expect(forbidden.status == .forbidden)
            #expect(try fixture.store.certificate(id: Int64(id)) != nil)
        }
    }

    @Test func badRequestsSayWhatIsWrongAndWriteNothing() async throws {
        let fixture = try ServerFixture()
        let producer = ServerFixture.headers(fixture.tokens["producer"])
        let cases: [(ByteBuffer, String)] = [
            (Self.body(fixture, removing: ["report"]), "certificate.report_missing"),
            (Self.body(fixture, ["basis": "quality-control"]), "certificate.report_unexpected"),
            (Self.body(fixture, ["product": fixture.certifiedID]), "certificate.not_required"),
            (Self.body(fixture, ["quantity": "2 L"]), "certificate.quantity_invalid"),
            (Self.body(fixture, ["quantity": "很多"]), "certificate.quantity_invalid"),
            (Self.body(fixture, ["contact": "  "]), "certificate.contact_missing"),
            (Self.body(fixture, ["basis": "trust-me"]), "field.invalid"),
            (Self.body(fixture, ["count": 0]), "count.range"),
            (Self.body(fixture, ["format": "svg"]), "format.unknown"),
        ]
        try await fixture.application.test(.router) { client in
            for (body, code) in cases {
                let response = try await client.documented(uri: "/v1/certificates", method: .post, headers: producer, body: body)
                #expect(response.status == .unprocessableContent && response.text.contains(code), "\(code): \(response.status) \(response.text)")
            }
        }
        #expect(try fixture.store.certificates().isEmpty)
        #expect(try fixture.store.labelBatches().isEmpty, "no serial was spent")
    }
}
