import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import NIOCore
import ProductSpecs

extension ServerState {
    /// The public GS1 Digital Link resolver: `/01/{gtin}[/10/{lot}][/21/{serial}]`, under
    /// any path prefix a brand's resolver URL has. HTML for people, schema.org JSON-LD,
    /// an RFC 9264 link set, or JSON, as `Accept` asks.
    func addResolverRoutes(to router: Router<TerroirRequestContext>) {
        router.get("/**") { request, _ in
            let path = request.uri.path
            if let page = CatalogLinks.page(path: path) {
                let context = try await cache.exportContext()
                return try await offload { try catalogPage(page, context: context) }
            }
            // The standard library's search, not Foundation's (which showed in profiles).
            guard path.firstRange(of: "/01/") != nil || path.firstRange(of: "/gtin/") != nil else { throw HTTPError(.notFound) }
            let query = request.uri.query.map { "?" + $0 } ?? ""
            let uri: DigitalLinkURI
            do throws(DigitalLinkError) { uri = try DigitalLinkURI(parsing: "https://resolver" + path + query) } catch {
                throw Problem(.badRequest, error.code, zh: "不是有效的 GS1 数字链接：\(error.explanation.zh)", en: "not a valid GS1 Digital Link: \(error.explanation.en)")
            }
            guard let (stored, entry, entryJSON) = try await cache.product(gtin: uri.gtin) else {
                throw Problem.notFound("no product has the GTIN \(uri.gtin.digits)", zh: "没有 GTIN 为 \(uri.gtin.digits) 的产品")
            }
            let (verdict, scans) = try await verdict(for: uri)
            metrics.scanned(verdict: verdict)
            // The standard library's search on bytes: Foundation's `contains` showed in profiles.
            let accept = (request.headers[.accept] ?? "").utf8
            let (type, body): (String, String) =
                if accept.firstRange(of: "text/html".utf8) != nil {
                    ("text/html; charset=utf-8", ResolverPage(entry: entry, stored: stored, verdict: verdict, scans: scans, uri: uri).html)
                } else if accept.firstRange(of: "application/ld+json".utf8) != nil {
                    ("application/ld+json", Self.jsonLD(entry: entry, verdict: verdict))
                } else if accept.firstRange(of: "application/linkset+json".utf8) != nil {
                    ("application/linkset+json", Self.linkset(uri: uri, stored: stored))
                } else {
                    ("application/json", "{\"verdict\":\"\(verdict.rawValue)\",\"message\":{\"zh\":" + JSONText.quoted(verdict.message.zh)
                        + ",\"en\":" + JSONText.quoted(verdict.message.en) + "},\"scans\":\(scans),\"product\":" + entryJSON + "}")
                }
            return Response(status: .ok, headers: [.contentType: type, .vary: "Accept", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }

    /// Whether the serial was issued for this GTIN and lot with this signature, and how
    /// often it has been scanned (counted only for issued serials).
    private func verdict(for uri: DigitalLinkURI) async throws -> (ScanVerdict, Int) {
        guard let serialText = uri.serial else { return (.notSerialised, 0) }
        guard let signature = uri.otherQuery.first(where: { $0.name == SerialSignature.parameter })?.value,
              let lot = try await cache.signedLot(gtin: uri.gtin, lot: uri.lot, serial: serialText, signature: signature) else {
            return (.notIssued, 0)
        }
        let scans = try await self.scans.record(gtin: uri.gtin.digits, lot: lot, serial: serialText)
        return (scans > ScanVerdict.suspiciousScans ? .suspicious : .genuine, scans)
    }

    static func jsonLD(entry: CatalogEntry, verdict: ScanVerdict) -> String {
        let product = entry.product
        return "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":" + JSONText.quoted(product.name.zh)
            + ",\"alternateName\":" + JSONText.quoted(product.name.en) + (product.gtin.map { ",\"gtin14\":\"\($0.digits)\"" } ?? "")
            + ",\"brand\":{\"@type\":\"Brand\",\"name\":" + JSONText.quoted(entry.brandName.zh) + "}"
            + ",\"countryOfOrigin\":\"CN\",\"additionalProperty\":[{\"@type\":\"PropertyValue\",\"name\":\"verdict\",\"value\":\"\(verdict.rawValue)\"}]"
            + "}"
    }

    /// RFC 9264 link set: the GS1 link types this resolver answers for the item.
    static func linkset(uri: DigitalLinkURI, stored: StoredProduct) -> String {
        var anchor = uri
        anchor.otherQuery = []
        let base = anchor.description
        let product = "\(uri.base)/01/\(uri.gtin.digits)"
        return "{\"linkset\":[{\"anchor\":" + JSONText.quoted(base)
            + ",\"https://gs1.org/voc/defaultLink\":[{\"href\":" + JSONText.quoted(product) + ",\"title\":" + JSONText.quoted(stored.product.name.zh) + ",\"type\":\"text/html\"}]"
            + ",\"https://gs1.org/voc/pip\":[{\"href\":" + JSONText.quoted(product) + ",\"type\":\"application/ld+json\"}]"
            + ",\"https://gs1.org/voc/certificationInfo\":[{\"href\":" + JSONText.quoted(base) + ",\"type\":\"application/json\"}]}]}"
    }
}
