import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs
import Workflows

extension ServerState {
    /// `/v1/producers`: officers register producers for their brands; a producer reads
    /// itself, a station the producers of its villages.
    func addProducerRoutes(to router: Router<TerroirRequestContext>) {
        router.post("/v1/producers") { request, context in
            let actor = try Access.actor(context, .registerProducer)
            let registration = try Self.decode(RegisterProducer.Request.self, from: try await body(request))
            let producer = try await offload { try RegisterProducer(store: store).run(registration, as: actor) }
            return Self.json(Self.producerJSON(producer), status: .created)
        }
        for (verb, status) in [("suspend", ProducerStatus.suspended), ("revoke", .revoked), ("reinstate", .active)] {
            router.post("/v1/producers/:id/\(verb)") { request, context in
                let permission: Permission = status == .suspended ? .suspendProducer : status == .revoked ? .revokeProducer : .reinstateProducer
                let actor = try Access.actor(context, permission)
                let id = try context.parameters.require("id")
                let bytes = try await body(request)
                let reason = bytes.readableBytes == 0 ? nil : try Self.decode(ReasonBody.self, from: bytes).reason
                let result = try await offload {
                    try ChangeProducerStatus(store: store).run(.init(producer: id, status: status, reason: reason), as: actor)
                }
                return try Self.json(result)
            }
        }
        router.patch("/v1/producers/:id") { request, context in
            let actor = try Access.actor(context, .updateProducer)
            let id = try context.parameters.require("id")
            let changes = try Self.decode(UpdateProducer.Changes.self, from: try await body(request))
            let result = try await offload { try UpdateProducer(store: store).run(.init(id: id, changes: changes), as: actor) }
            return Self.json(Self.producerJSON(result.producer))
        }
        router.get("/v1/producers/:id") { _, context in
            let actor = try Access.actor(context, .readProducer)
            let id = try context.parameters.require("id")
            return try await offload {
                guard let producer = try store.producer(id: id) else { throw Problem.notFound("no producer “\(id)”", zh: "没有生产者“\(id)”") }
                try AccessRules.check(actor, producer: producer)
                return Self.json(Self.producerJSON(producer))
            }
        }
    }

    static func producerJSON(_ producer: Producer) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(producer)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
