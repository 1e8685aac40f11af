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
            let uri = try Self.digitalLink(path: path, query: request.uri.query)
            guard let product = try await cache.product(gtin: uri.gtin) else {
                throw Problem.notFound("no product has the GTIN \(uri.gtin.digits)", zh: "没有 GTIN 为 \(uri.gtin.digits) 的产品")
            }
            let (verdict, scans, certificateID) = try await verdict(for: uri)
            var certificate: CertificateRecord?
            if let certificateID { certificate = try await cache.certificate(id: certificateID) }
            return resolverAnswer(uri: uri, product: product, verdict: verdict, scans: scans, certificate: certificate,
                                  accept: request.headers[.accept]).response
        }
    }

    /// The resolver's answer when everything it needs is in memory (the product, the
    /// issued serial, the serial's count), worked out without waiting: what
    /// `ResolverFastPath` sends from the event loop. `nil` for anything else (a catalog
    /// page, a malformed URI, an unknown GTIN, data to read from the store), which the
    /// router's route answers.
    func immediateResolverAnswer(path: String, query: String?, accept: String?) -> ResolverAnswer? {
        guard CatalogLinks.page(path: path) == nil, let uri = try? Self.digitalLink(path: path, query: query),
              let remembered = cache.productInMemory(gtin: uri.gtin), let product = remembered,
              let (verdict, scans) = verdictInMemory(for: uri) else { return nil }
        metrics.answeredFromMemory()
        return resolverAnswer(uri: uri, product: product, verdict: verdict, scans: scans, certificate: nil, accept: accept)
    }

    /// The URI a resolver path names. A path without a GTIN is not a resolver's.
    /// - Throws: `HTTPError(.notFound)` for a path without a GTIN, a `400` problem
    ///   that says what is wrong for a malformed one.
    private static func digitalLink(path: String, query: String?) throws -> DigitalLinkURI {
        do throws(DigitalLinkError) {
            return try DigitalLinkURI(parsing: "https://resolver" + path + (query.map { "?" + $0 } ?? ""))
        } catch {
            if case .missingPrimaryKey = error { throw HTTPError(.notFound) }
            throw Problem(.badRequest, error.code, zh: "不是有效的 GS1 数字链接：\(error.explanation.zh)", en: "not a valid GS1 Digital Link: \(error.explanation.en)")
        }
    }

    /// The answer for a known product, in the representation `Accept` asks for (HTML
    /// for people, schema.org JSON-LD, an RFC 9264 link set, or JSON); counts the
    /// scan's verdict.
    private func resolverAnswer(uri: DigitalLinkURI, product: (stored: StoredProduct, entry: CatalogEntry, json: String),
                                verdict: ScanVerdict, scans: Int, certificate: CertificateRecord?, accept: String?) -> ResolverAnswer {
        metrics.scanned(verdict: verdict)
        let accept = AcceptHeader(accept)
        let (type, body): (String, String) =
            if accept.names("text/html") {
                ("text/html; charset=utf-8", ResolverPage(entry: product.entry, stored: product.stored, verdict: verdict, scans: scans, uri: uri,
                                                          certificate: certificate).html)
            } else if accept.names("application/ld+json") {
                ("application/ld+json", Self.jsonLD(entry: product.entry, verdict: verdict))
            } else if accept.names("application/linkset+json") {
                ("application/linkset+json", Self.linkset(uri: uri, stored: product.stored))
            } else {
                ("application/json", Self.answer(verdict: verdict, scans: scans, productJSON: product.json, certificate: certificate))
            }
        return ResolverAnswer(contentType: type, body: ByteBuffer(string: body))
    }

    /// Whether the serial was issued for this GTIN and lot with this signature, and how
    /// often it has been scanned (counted only for issued serials, voided ones too).
    /// The certificate's id too, when the serial is a copy of one.
    private func verdict(for uri: DigitalLinkURI) async throws -> (ScanVerdict, Int, Int64?) {
        guard let serialText = uri.serial else { return (.notSerialised, 0, nil) }
        guard let signature = uri.signature,
              let issued = try await cache.signedSerial(gtin: uri.gtin, lot: uri.lot, serial: serialText, signature: signature) else {
            return (.notIssued, 0, nil)
        }
        let scans = try await self.scans.record(gtin: uri.gtin.digits, lot: issued.lot, serial: serialText)
        return (ScanVerdict(issued: issued, scans: scans), scans, issued.certificateID)
    }

    /// `verdict(for:)` from memory; `nil` (and no scan counted) when it needs the store.
    private func verdictInMemory(for uri: DigitalLinkURI) -> (ScanVerdict, Int)? {
        guard let serialText = uri.serial else { return (.notSerialised, 0) }
        guard let signature = uri.signature else { return (.notIssued, 0) }
        guard let signed = cache.signedSerialInMemory(gtin: uri.gtin, lot: uri.lot, serial: serialText, signature: signature) else { return nil }
        guard let issued = signed else { return (.notIssued, 0) }
        // A certificate's copy shows the certificate, which the route reads.
        guard issued.certificateID == nil else { return nil }
        guard let scans = self.scans.recordIfRemembered(gtin: uri.gtin.digits, lot: issued.lot, serial: serialText) else { return nil }
        return (ScanVerdict(issued: issued, scans: scans), scans)
    }

    /// The JSON answer: the verdict, and the product's canonical JSON, which the export
    /// writer made once and the cache keeps (not encoded again on every scan), through
    /// that writer.
    static func answer(verdict: ScanVerdict, scans: Int, productJSON: String, certificate: CertificateRecord? = nil) -> String {
        var json = JSONBuilder(capacity: 256 + productJSON.utf8.count)
        json.beginObject()
        json.string("verdict", verdict.rawValue)
        json.beginObject("message")
        json.string("zh", verdict.message.zh)
        json.string("en", verdict.message.en)
        json.endObject()
        json.raw("scans", String(scans))
        json.raw("product", productJSON)
        if let certificate { json.raw("certificate", Self.certificateJSON(certificate)) }
        json.endObject()
        return json.text
    }

    /// A certificate as the resolver shows it: what it says, not who issued it in the store.
    static func certificateJSON(_ record: CertificateRecord) -> String {
        text(PublicCertificate(record))
    }

    static func jsonLD(entry: CatalogEntry, verdict: ScanVerdict) -> String {
        text(SchemaProduct(entry: entry, verdict: verdict))
    }

    /// RFC 9264 link set: the GS1 link types this resolver answers for the item.
    static func linkset(uri: DigitalLinkURI, stored: StoredProduct) -> String {
        text(Linkset(uri: uri, stored: stored))
    }

    /// A small answer as JSON text (keys as written: JSON-LD's and GS1's are not snake case).
    private static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings: encoding cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A certificate as anyone who scans a copy may read it.
struct PublicCertificate: Encodable {
    let id: Int64
    let certificate: CertificateFields
    let copies: Int
    let voided: Bool

    init(_ record: CertificateRecord) {
        id = record.id
        certificate = record.fields
        copies = record.copies
        voided = record.voided
    }
}

/// A product as schema.org JSON-LD, with the scan's verdict as a property.
struct SchemaProduct: Encodable {
    struct Brand: Encodable {
        let type = "Brand"
        let name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }

    struct Property: Encodable {
        let type = "PropertyValue"
        let name: String
        let value: String
        enum CodingKeys: String, CodingKey { case type = "@type", name, value }
    }

    let context = "https://schema.org"
    let type = "Product"
    let name: String
    let alternateName: String
    let gtin14: String?
    let brand: Brand
    let countryOfOrigin = "CN"
    let additionalProperty: [Property]

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", name, alternateName, gtin14, brand, countryOfOrigin, additionalProperty
    }

    init(entry: CatalogEntry, verdict: ScanVerdict) {
        name = entry.product.name.zh
        alternateName = entry.product.name.en
        gtin14 = entry.product.gtin?.digits
        brand = Brand(name: entry.brandName.zh)
        additionalProperty = [Property(name: "verdict", value: verdict.rawValue)]
    }
}

/// An RFC 9264 link set of one item, with GS1 link types.
struct Linkset: Encodable {
    struct Link: Encodable {
        let href: String
        let title: String?
        let type: String
    }

    struct Item: Encodable {
        let anchor: String
        let defaultLink: [Link]
        let pip: [Link]
        let certificationInfo: [Link]

        enum CodingKeys: String, CodingKey {
            case anchor, defaultLink = "https://gs1.org/voc/defaultLink", pip = "https://gs1.org/voc/pip"
            case certificationInfo = "https://gs1.org/voc/certificationInfo"
        }
    }

    let linkset: [Item]

    init(uri: DigitalLinkURI, stored: StoredProduct) {
        var anchor = uri
        anchor.otherQuery = []
        let base = anchor.description
        let product = "\(uri.base)/01/\(uri.gtin.digits)"
        linkset = [Item(anchor: base, defaultLink: [Link(href: product, title: stored.product.name.zh, type: "text/html")],
                        pip: [Link(href: product, title: nil, type: "application/ld+json")],
                        certificationInfo: [Link(href: base, title: nil, type: "application/json")])]
    }
}

private extension DigitalLinkURI {
    /// The label's signature, `?s=…`.
    var signature: String? {
        otherQuery.first(where: { $0.name == SerialSignature.parameter })?.value
    }
}
