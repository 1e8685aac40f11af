import BrandStandards
import CatalogStore
import Foundation
import Hummingbird
import Labels
import NIOCore
import Workflows

extension ServerState {
    /// `/v1/certificates`: producers and stations issue commitment certificates
    /// (answered with each copy's serial and URI; its files are the batch's labels,
    /// `/v1/label-batches/{batch}/labels/{serial}.png|pdf|zpl`), officers and
    /// producers read and void them; deleting one is refused for two years.
    func addCertificateRoutes(to router: Router<TerroirRequestContext>) {
        router.post("/v1/certificates") { request, context in
            let actor = try Access.actor(context, .issueCertificates)
            let asked = try Self.decode(IssueCertificate.Request.self, from: try await body(request))
            guard asked.format != .svg else {
                throw Problem(.unprocessableContent, "format.unknown", zh: "合格证可输出 png、pdf 或 zpl", en: "certificates are printed as png, pdf or zpl")
            }
            return try await offload {
                let issued = try IssueCertificate(store: store, assets: configuration.assetsPath, font: configuration.fontPath).run(asked, as: actor)
                let batch = issued.batch
                metrics.labelsIssued(batch.batch.count)
                return try Self.json(CertificateAnswer(issued.certificate, copies: BatchAnswer(batch.batch, key: batch.key, resolver: batch.resolver)),
                                     status: .created)
            }
        }
        router.get("/v1/certificates") { request, context in
            let actor = try Access.actor(context, .readCertificates)
            let brand = request.uri.queryParameters["brand"].map(String.init)
            return try await offload { try Self.json(CertificateList(certificates: try ReadCertificates(store: store).run(.init(brand: brand), as: actor))) }
        }
        router.get("/v1/certificates/:id") { _, context in
            let actor = try Access.actor(context, .readCertificates)
            let id = try context.parameters.require("id", as: Int64.self)
            return try await offload { try Self.json(try ReadCertificates(store: store).run(.init(id: id), as: actor)[0]) }
        }
        router.post("/v1/certificates/:id/void") { request, context in
            let actor = try Access.actor(context, .voidCertificates)
            let id = try context.parameters.require("id", as: Int64.self)
            let asked = try Self.decode(ReasonBody.self, from: try await body(request))
            return try await offload { try Self.json(try VoidCertificate(store: store).run(.init(id: id, reason: asked.reason ?? ""), as: actor)) }
        }
        router.delete("/v1/certificates/:id") { _, context in
            let actor = try Access.actor(context, .deleteCertificates)
            let id = try context.parameters.require("id", as: Int64.self)
            return try await offload { try Self.json(try DeleteCertificate(store: store).run(.init(id: id), as: actor)) }
        }
    }
}

/// A new certificate and its copies.
struct CertificateAnswer: Encodable {
    let certificate: CertificateRecord
    let copies: BatchAnswer

    init(_ certificate: CertificateRecord, copies: BatchAnswer) {
        self.certificate = certificate
        self.copies = copies
    }
}

struct CertificateList: Encodable {
    let certificates: [CertificateRecord]
}
