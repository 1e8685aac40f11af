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
    /// The public GS1-conformant Digital Link resolver, `/01/{gtin}[/10/{lot}][/21/{serial}]`
    /// under any path prefix a brand's resolver URL has (GS1 Digital Link 1.2 and the
    /// GS1-Conformant Resolver standard):
    /// - no `linkType`: `307` to the default link (the verification page, or the
    ///   shop where the standard says so), or the representation `Accept` prefers
    ///   (the RFC 9264 link set, schema.org JSON-LD, the verdict as JSON);
    /// - `?linkType=linkset` or `all`: the link set; `?linkType=gs1:pip`: `307` to that
    ///   link, `404` when the item has none;
    /// - `{prefix}/verify/01/…`: the verification page, for people;
    /// - `HEAD` of every one, `OPTIONS` and CORS on every answer, a `Link` header on
    ///   every answer about an item.
    /// Only people's scans count: the verification page, and the default redirect
    /// when it leads elsewhere. Scans of codes the brand did not issue are kept as
    /// counterfeit attempts.
    func addResolverRoutes(to router: Router<TerroirRequestContext>) {
        router.get("/**") { request, _ in
            try await resolverResponse(request, head: false)
        }
        router.head("/**") { request, _ in
            try await resolverResponse(request, head: true)
        }
        router.on("/**", method: .options) { request, _ in
            let path = request.uri.path
            guard Self.isResolverPath(path) else { throw HTTPError(.notFound) }
            var headers = Self.cors
            // The verification page also takes its report form.
            headers[.allow] = ResolverLinks.isVerificationPath(path) ? "GET, HEAD, OPTIONS, POST" : "GET, HEAD, OPTIONS"
            return Response(status: .noContent, headers: headers)
        }
        router.post("/**") { request, _ in
            try await fakeReport(request)
        }
        router.get("/.well-known/gs1resolver") { request, _ in
            let context = try await cache.exportContext()
            let body = Self.resolverDescription(context: context, host: request.head.authority)
            var headers = Self.cors
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// Headers every resolver answer carries: anyone's page may fetch it (CORS).
    static let cors: HTTPFields = [
        .accessControlAllowOrigin: "*",
        .accessControlAllowMethods: "GET, HEAD, OPTIONS",
        .accessControlAllowHeaders: "Accept, Accept-Language, Content-Type",
        .accessControlExposeHeaders: "Link, Location",
        .accessControlMaxAge: "86400",
    ]

    /// Whether a path is a resolver URI's (it names a GTIN with `/01/`).
    static func isResolverPath(_ path: String) -> Bool {
        path.contains("/01/") || path.contains("/gtin/")
    }

    private func resolverResponse(_ request: Request, head: Bool) async throws -> Response {
        let path = request.uri.path
        if let page = CatalogLinks.page(path: path) {
            let context = try await cache.exportContext()
            return try await offload { try catalogPage(page, context: context) }
        }
        let accept = AcceptHeader(request.headers[.accept])
        do {
            let uri = try Self.digitalLink(path: path, query: request.uri.query)
            guard let product = try await cache.product(gtin: uri.gtin) else {
                throw Problem.notFound("no product has the GTIN \(uri.gtin.digits)", zh: "没有 GTIN 为 \(uri.gtin.digits) 的产品")
            }
            let ask = try ResolverAsk(uri: uri, accept: accept)
            let links = ResolverLinks(uri: uri, product: product)
            let counts = !head && ask.counts(links)
            let facts = try await scanFacts(uri: uri, product: product, counts: counts, wantsCertificate: ask.showsCertificate)
            var response = try resolverAnswer(ask: ask, uri: uri, product: product, links: links, facts: facts).response
            if head {
                // The headers a GET would get, its length included, and no body.
                let length = response.body.contentLength
                response.body = .init()
                if let length { response.headers[.contentLength] = String(length) }
            }
            return response
        } catch let problem as Problem {
            return Self.resolverProblem(problem, accept: accept)
        }
    }

    /// The resolver's answer when everything it needs is in memory (the product, the
    /// issued serial, the serial's count), worked out without waiting: what
    /// `ResolverFastPath` sends from the event loop for a `GET`. `nil` for anything
    /// else (a catalog page, a malformed URI, an unknown GTIN, data to read from the
    /// store, an error), which the router's route answers.
    func immediateResolverAnswer(path: String, query: String?, accept: String?) -> ResolverAnswer? {
        guard CatalogLinks.page(path: path) == nil, let uri = try? Self.digitalLink(path: path, query: query),
              let remembered = cache.productInMemory(gtin: uri.gtin), let product = remembered,
              let ask = try? ResolverAsk(uri: uri, accept: AcceptHeader(accept)) else { return nil }
        let links = ResolverLinks(uri: uri, product: product)
        guard let facts = scanFactsInMemory(uri: uri, product: product, counts: ask.counts(links), wantsCertificate: ask.showsCertificate),
              let answer = try? resolverAnswer(ask: ask, uri: uri, product: product, links: links, facts: facts) else { return nil }
        metrics.answeredFromMemory()
        return answer
    }

    /// The URI a resolver path names. A path without a GTIN is not a resolver's.
    /// - Throws: `HTTPError(.notFound)` for a path without a GTIN, a `400` problem
    ///   that says what is wrong for a malformed one.
    static func digitalLink(path: String, query: String?) throws -> DigitalLinkURI {
        do throws(DigitalLinkError) {
            return try DigitalLinkURI(parsing: "https://resolver" + path + (query.map { "?" + $0 } ?? ""))
        } catch {
            if case .missingPrimaryKey = error { throw HTTPError(.notFound) }
            throw Problem(.badRequest, error.code, zh: "不是有效的 GS1 数字链接：\(error.explanation.zh)", en: "not a valid GS1 Digital Link: \(error.explanation.en)")
        }
    }

    /// An error of the resolver: an HTML page for a person's browser (one that prefers
    /// HTML to JSON), problem+json for everyone else; with CORS either way.
    static func resolverProblem(_ problem: Problem, accept: AcceptHeader) -> Response {
        var response: Response
        if accept.quality(of: "text/html") > accept.quality(of: "application/problem+json") {
            response = Response(status: problem.status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: ResolverPage.errorPage(problem))))
        } else {
            response = problem.response
        }
        for field in cors { response.headers.append(field) }
        response.headers[.vary] = "Accept"
        return response
    }

    /// What a scan of `uri` is, worked out from the cache and the store; counts it as
    /// a person's scan, or keeps it as a counterfeit attempt, when `counts`.
    func scanFacts(uri: DigitalLinkURI, product: ResolvableProduct, counts: Bool, wantsCertificate: Bool) async throws -> ScanFacts {
        guard let serial = uri.serial else { return ScanFacts(verdict: .notSerialised) }
        let check = try await cache.checkSerial(gtin: uri.gtin, lot: uri.lot, serial: serial, signature: uri.signature)
        switch check {
        case .counterfeit(let kind):
            if counts { count(attempt: kind, uri: uri, serial: serial) }
            return ScanFacts(verdict: .notIssued, counterfeit: kind)
        case .issued(let issued):
            let gtin = uri.gtin.digits
            let tally = counts ? try await scans.record(gtin: gtin, lot: issued.lot, serial: serial)
                : try await scans.tally(gtin: gtin, lot: issued.lot, serial: serial)
            var certificate: CertificateRecord?
            if wantsCertificate, let id = issued.certificateID { certificate = try await cache.certificate(id: id) }
            return ScanFacts(issued: issued, tally: tally, product: product, certificate: certificate, counted: counts, metrics: metrics)
        }
    }

    /// `scanFacts` from memory; `nil` (and nothing counted) when it needs the store.
    private func scanFactsInMemory(uri: DigitalLinkURI, product: ResolvableProduct, counts: Bool, wantsCertificate: Bool) -> ScanFacts? {
        guard let serial = uri.serial else { return ScanFacts(verdict: .notSerialised) }
        guard let check = cache.checkSerialInMemory(gtin: uri.gtin, lot: uri.lot, serial: serial, signature: uri.signature) else { return nil }
        switch check {
        case .counterfeit(let kind):
            if counts { count(attempt: kind, uri: uri, serial: serial) }
            return ScanFacts(verdict: .notIssued, counterfeit: kind)
        case .issued(let issued):
            // A certificate's copy shows the certificate, which the route reads.
            guard !(wantsCertificate && issued.certificateID != nil) else { return nil }
            let gtin = uri.gtin.digits
            guard let tally = counts ? scans.recordIfRemembered(gtin: gtin, lot: issued.lot, serial: serial)
                    : scans.tallyIfRemembered(gtin: gtin, lot: issued.lot, serial: serial) else { return nil }
            return ScanFacts(issued: issued, tally: tally, product: product, certificate: nil, counted: counts, metrics: metrics)
        }
    }

    private func count(attempt kind: CounterfeitKind, uri: DigitalLinkURI, serial: String) {
        scans.recordAttempt(gtin: uri.gtin.digits, lot: uri.lot ?? "", serial: serial, kind: kind)
        metrics.scanned(verdict: .notIssued)
    }

    /// The answer `ask` gets for a known product.
    /// - Throws: a `404` problem for a link type the item has none of.
    private func resolverAnswer(ask: ResolverAsk, uri: DigitalLinkURI, product: ResolvableProduct, links: ResolverLinks,
                                facts: ScanFacts) throws -> ResolverAnswer {
        func body(_ type: String, _ text: String, link: String = links.linkHeader) -> ResolverAnswer {
            ResolverAnswer(status: .ok, contentType: type, body: ByteBuffer(string: text), link: link)
        }
        switch ask {
        case .page:
            return body("text/html; charset=utf-8", ResolverPage(uri: uri, product: product, facts: facts).html)
        case .defaultLink:
            return .redirect(to: links.defaultLink.href, link: links.linkHeader)
        case .link(let type):
            guard let link = links.link(type) else {
                throw Problem(.notFound, "resolver.link_type_absent",
                              zh: "此产品没有 gs1:\(type.rawValue) 类型的链接（有：\(links.links.map { "gs1:" + $0.type.rawValue }.joined(separator: "、"))）",
                              en: "this item has no link of type gs1:\(type.rawValue) (it has: \(links.links.map { "gs1:" + $0.type.rawValue }.joined(separator: ", ")))")
            }
            return .redirect(to: link.href, link: links.linkHeader)
        case .linkset:
            return body("application/linkset+json", links.linksetJSON, link: links.linksetHeader)
        case .jsonLD:
            return body("application/ld+json", Self.jsonLD(entry: product.entry, verdict: facts.verdict))
        case .json:
            return body("application/json", Self.answer(verdict: facts.verdict, scans: facts.tally.count, productJSON: product.json,
                                                        certificate: facts.certificate))
        }
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

    /// The resolver description file (`/.well-known/gs1resolver`, GS1-Conformant
    /// Resolver standard §6): its name, root, the keys and link types it supports.
    /// The root is the brand's whose resolver host the request names, else this host.
    static func resolverDescription(context: ExportContext, host: String?) -> [UInt8] {
        let roots = context.brandIDs.compactMap { context.resolverBase(brand: $0) }
        let root = roots.first { ResolverPage.host(of: $0) == host } ?? host.map { "https://\($0)" } ?? roots.first ?? ""
        return Array(text(ResolverDescription(resolverRoot: root, roots: roots)).utf8)
    }

    /// A small answer as JSON text (keys as written: JSON-LD's and GS1's are not snake case).
    private static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings: encoding cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// What a request to a resolver URI asks for.
enum ResolverAsk: Equatable {
    /// The verification page (`{prefix}/verify/01/…`).
    case page
    /// A redirect to the default link.
    case defaultLink
    /// A redirect to the link of a type (`?linkType=gs1:pip`).
    case link(ResolverLinkType)
    /// The link set (`?linkType=linkset` or `all`, or `Accept: application/linkset+json`).
    case linkset
    case jsonLD
    /// The verdict and the product as JSON.
    case json

    /// - Throws: a `404` problem for a link type the resolver has no links of, `406`
    ///   when `Accept` takes none of the resolver's representations.
    init(uri: DigitalLinkURI, accept: AcceptHeader) throws {
        if uri.base.hasSuffix(ResolverLinks.verificationSuffix) {
            self = .page
        } else if let parameter = uri.otherQuery.first(where: { $0.name == "linkType" })?.value {
            if parameter == "linkset" || parameter == "all" {
                self = .linkset
            } else if let type = ResolverLinkType(parameter: parameter) {
                self = .link(type)
            } else {
                let known = ResolverLinkType.allCases.map { "gs1:" + $0.rawValue }.joined(separator: ", ")
                throw Problem(.notFound, "resolver.link_type_absent", zh: "此解析器没有“\(parameter)”类型的链接（有：linkset、all、\(known)）",
                              en: "this resolver has no links of type “\(parameter)” (it has: linkset, all, \(known))")
            }
        } else if let preferred = accept.preferred(Self.representations) {
            self = preferred
        } else {
            throw Problem(.notAcceptable, "resolver.not_acceptable",
                          zh: "Accept 不接受此解析器的任何表示：text/html（跳转）、application/linkset+json、application/ld+json、application/json",
                          en: "Accept takes none of the resolver's answers: text/html (a redirect), application/linkset+json, application/ld+json, application/json")
        }
    }

    /// What a resolver URI without a `linkType` may answer, by the media type `Accept`
    /// names for it; the first wins a tie (`*/*` is a browser's, or curl's: the redirect).
    private static let representations: [(StaticString, ResolverAsk)] = [
        ("text/html", .defaultLink), ("application/linkset+json", .linkset), ("application/ld+json", .jsonLD), ("application/json", .json),
    ]

    /// Whether answering it counts a person's scan: the verification page, and the
    /// default redirect when it leads elsewhere (else the page it leads to counts).
    func counts(_ links: ResolverLinks) -> Bool {
        switch self {
        case .page: true
        case .defaultLink: !links.defaultIsVerification
        default: false
        }
    }

    /// Whether the answer shows a certificate a scanned copy is of.
    var showsCertificate: Bool {
        self == .page || self == .json
    }
}

/// What the resolver found about a scanned code.
struct ScanFacts {
    let verdict: ScanVerdict
    var counterfeit: CounterfeitKind? = nil
    var issued: IssuedSerial? = nil
    var tally = ScanTally(count: 0, firstAt: nil)
    var certificate: CertificateRecord? = nil

    init(verdict: ScanVerdict, counterfeit: CounterfeitKind? = nil) {
        self.verdict = verdict
        self.counterfeit = counterfeit
    }

    /// An issued serial's facts; counted in the metrics when the scan was.
    init(issued: IssuedSerial, tally: ScanTally, product: ResolvableProduct, certificate: CertificateRecord?, counted: Bool, metrics: ServerMetrics) {
        verdict = ScanVerdict(issued: issued, scans: tally.count, product: product.stored, rules: product.rules)
        self.issued = issued
        self.tally = tally
        self.certificate = certificate
        if counted { metrics.scanned(verdict: verdict) }
    }
}

/// The resolver description file's members.
struct ResolverDescription: Encodable {
    struct LinkTypeVocabulary: Encodable {
        let namespace = ResolverLinkType.vocabulary
        let prefix = "gs1:"
        let profile = "https://gs1.org/voc/?show=linktypes"
    }

    let name = "Terroir GS1 Digital Link resolver / Terroir GS1 数字链接解析器"
    let resolverRoot: String
    /// Every brand's resolver root this server answers for.
    let roots: [String]
    let supportedPrimaryKeys = ["01"]
    let supportedLinkType = [LinkTypeVocabulary()]
    let linkTypes = ["gs1:defaultLink"] + ResolverLinkType.allCases.map { "gs1:" + $0.rawValue }
    let linkTypeDefaultCanBeLinkset = true
    let supportedContentTypes = ["text/html", "application/linkset+json", "application/ld+json", "application/json"]
    let supportedLanguages = ["zh", "en"]
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

extension DigitalLinkURI {
    /// The label's signature, `?s=…`.
    var signature: String? {
        otherQuery.first(where: { $0.name == SerialSignature.parameter })?.value
    }
}
