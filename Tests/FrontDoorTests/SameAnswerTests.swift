import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Measures
import NIOCore
import ProductSpecs
import TerroirCLI
import TerroirServer
import TestSupport
import Testing
import Workflows

/// The batch tool and the HTTP API are two front doors to the same workflows: the
/// same operation through each, on two identical stores, must leave the same store
/// behind and write the same audit entries (but for who and when).
struct SameAnswerTests {
    /// A store with the Sihong standard, the farm's certified rice (with a GTIN) and a
    /// compliant one not yet certified, and an officer's and a producer's keys.
    struct Door {
        let fixture: StoreFixture
        let certified: Int64
        let compliant: Int64
        let officer: String
        let producer: String

        init() throws {
            fixture = try StoreFixture()
            var rice = StoreFixture.rice("RICE-A")
            rice.fields["gtin"] = "6901234567014"
            try fixture.importAll([rice, StoreFixture.rice("RICE-B")])
            let products = try fixture.store.products()
            certified = products.first { $0.product.sku == "RICE-A" }!.id
            compliant = products.first { $0.product.sku == "RICE-B" }!.id
            _ = try fixture.store.certify(ids: [certified], actor: "setup")
            officer = try fixture.store.createAPIKey(name: "officer", role: .officer, scope: ["sihong-4x"], actor: "setup").token
            producer = try fixture.store.createAPIKey(name: "farm", role: .producer, scope: ["farm"], actor: "setup").token
            // As terroir-server does when it starts, and the batch tool whenever it opens the store.
            _ = try fixture.store.applyStandardCalendar(actor: "setup")
        }

        var lastAuditID: Int64 { (try? fixture.store.auditLog(limit: 1).first?.id ?? 0) ?? 0 }

        /// What a workflow can change, and the audit entries written after `auditID`,
        /// each without its actor and time.
        func state(after auditID: Int64) throws -> [String] {
            let store = fixture.store
            var lines = try store.producers().map {
                "producer \($0.id) \($0.status.rawValue) \($0.name.zh)/\($0.name.en) \($0.validFrom?.description ?? "-")–\($0.validTo?.description ?? "-") "
                    + "\($0.authorisations.sorted { $0.key < $1.key })"
            }
            lines += try store.products().map {
                "product \($0.id) \($0.product.sku) \($0.product.name.zh) \($0.product.attributes.count) \($0.product.status.rawValue) exportable=\($0.exportable)"
            }
            lines += try store.labelBatches().map {
                "batch \($0.id) \($0.gtin.digits) \($0.lot) \($0.firstSerial)+\($0.count) \($0.size) \($0.dpi) \($0.format) v\($0.standardVersion) "
                    + "voided \(try store.voidedSerials(batchID: $0.id))"
            }
            lines += try store.auditLog(limit: 1000).filter { ($0.id ?? 0) > auditID }.reversed().map { "audit \($0.action) \($0.subject) \($0.details)" }
            return lines
        }
    }

    struct Operation: Sendable, CustomTestStringConvertible {
        let name: String
        /// The batch tool's arguments, given the store's certified and compliant product ids.
        let arguments: @Sendable (Door) -> [String]
        let method: HTTPRequest.Method
        let path: @Sendable (Door) -> String
        let body: @Sendable (Door) -> String?
        /// Which key the API call is made with.
        let asProducer: Bool
        /// The body's media type, when it is not JSON.
        var contentType: String?
        /// The batch tool's exit code (1 when a row of a partial import failed).
        var exitCode: Int32 = 0
        /// A line the store's state must hold afterwards, beside being the same through both doors.
        var expected: String?
        /// For a read: the file the batch tool writes, whose products must be the API's answer.
        var output: String?
        /// Done to both stores first.
        var before: @Sendable (Door) throws -> Void = { _ in }

        var testDescription: String { name }
    }

    static let labelsFolder = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-front-doors-\(UUID().uuidString)")

    /// A folder of brands whose Sihong standard is a new version, with a moisture limit
    /// (14.0%) that the store's rice (14.5%) no longer meets.
    static let brandsFolder: String = (try? StoreFixture.tightenedBrands().path) ?? "/nonexistent"

    /// Where the batch tool writes the export (each test run writes it anew).
    static let exportFile = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-front-doors-\(UUID().uuidString).ndjson").path

    /// An NDJSON export's products, without the times each store stamped on its own.
    static func products(_ ndjson: String) -> [String] {
        ndjson.split(separator: "\n").map { line in
            guard var object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return String(line) }
            for key in object.keys where key.hasSuffix("_at") { object[key] = nil }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// A co-op's spreadsheet: a new product, one that changes RICE-B, and one that fails.
    static let productFile: String = {
        let text = """
            sku,category,name_zh,origin,producer,net_content,grade,moisture,variety
            RICE-C,rice,新米,321324101,farm,5 kg,grade-1,14.5%,南粳9108
            RICE-B,rice,泗洪大米（新）,321324101,farm,10斤,grade-1,14.0%,南粳9108
            RICE-D,rice,坏米,321324101,farm,5 kg,grade-9,14.5%,南粳9108

            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-front-doors-\(UUID().uuidString).csv")
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }()

    static let operations: [Operation] = [
        Operation(name: "publish a standard", arguments: { _ in ["brands", "publish", "sihong-4x", "--brands", brandsFolder] },
                  method: .post, path: { _ in "/v1/brands/sihong-4x/publish" }, body: { _ in nil }, asProducer: false,
                  expected: "RICE-A 大米 RICE-A 4 non_compliant exportable=false"),
        Operation(name: "revalidate a brand's products", arguments: { _ in ["products", "revalidate", "--brand", "sihong-4x"] },
                  method: .post, path: { _ in "/v1/brands/sihong-4x/revalidate" }, body: { _ in nil }, asProducer: false,
                  expected: "RICE-B 大米 RICE-B 4 non_compliant", before: { door in
                      // The farm lost its rice: its rice no longer complies.
                      var farm = try #require(try door.fixture.store.producer(id: "farm"))
                      farm.authorisations["sihong-4x"] = ["hairy-crab"]
                      _ = try door.fixture.store.saveProducers([farm], actor: "setup")
                  }),
        Operation(name: "register a producer", arguments: { _ in
            ["producers", "add", "--id", "new-coop", "--brand", "sihong-4x", "--name-zh", "新社", "--name-en", "New co-op",
             "--uscc", "92321322MA1F2G3H5R", "--admin-code", "321324101", "--categories", "rice"]
        }, method: .post, path: { _ in "/v1/producers" }, body: { _ in
            #"{"id":"new-coop","name":{"zh":"新社","en":"New co-op"},"uscc":"92321322MA1F2G3H5R","admin_code":"321324101","authorisations":{"sihong-4x":["rice"]}}"#
        }, asProducer: false),
        Operation(name: "update a producer", arguments: { _ in ["producers", "update", "farm", "--name-en", "Farm renamed", "--valid-to", "2029-06-30"] },
                  method: .patch, path: { _ in "/v1/producers/farm" }, body: { _ in #"{"name_en":"Farm renamed","valid_to":"2029-06-30"}"# },
                  asProducer: false),
        Operation(name: "suspend a producer", arguments: { _ in ["producers", "suspend", "farm", "--reason", "moisture fraud"] },
                  method: .post, path: { _ in "/v1/producers/farm/suspend" }, body: { _ in #"{"reason":"moisture fraud"}"# }, asProducer: false),
        Operation(name: "reinstate a producer", arguments: { _ in ["producers", "reinstate", "farm", "--reason", "re-inspected"] },
                  method: .post, path: { _ in "/v1/producers/farm/reinstate" }, body: { _ in #"{"reason":"re-inspected"}"# }, asProducer: false,
                  before: { door in _ = try door.fixture.store.changeProducerStatus(id: "farm", to: .suspended, reason: "test", actor: "setup") }),
        Operation(name: "revoke a producer", arguments: { _ in ["producers", "revoke", "farm", "--reason", "repeat offence"] },
                  method: .post, path: { _ in "/v1/producers/farm/revoke" }, body: { _ in #"{"reason":"repeat offence"}"# }, asProducer: false),
        Operation(name: "certify a product", arguments: { door in ["products", "certify", String(door.compliant)] },
                  method: .post, path: { door in "/v1/products/\(door.compliant)/certify" }, body: { _ in nil }, asProducer: false),
        Operation(name: "withdraw a product", arguments: { door in ["products", "withdraw", String(door.certified), "--reason", "sold out"] },
                  method: .post, path: { door in "/v1/products/\(door.certified)/withdraw" }, body: { _ in #"{"reason":"sold out"}"# }, asProducer: true),
        Operation(name: "import products", arguments: { _ in ["products", "import", productFile, "--brand", "sihong-4x", "--partial"] },
                  method: .post, path: { _ in "/v1/products/import?brand=sihong-4x&partial=true&source=\(productFile)" },
                  body: { _ in try? String(contentsOfFile: productFile, encoding: .utf8) }, asProducer: true, contentType: "text/csv", exitCode: 1),
        Operation(name: "delete a product", arguments: { door in ["products", "delete", String(door.compliant)] },
                  method: .delete, path: { door in "/v1/products/\(door.compliant)" }, body: { _ in nil }, asProducer: true),
        Operation(name: "export the catalog", arguments: { _ in ["catalog", "export", "--format", "ndjson", "--out", exportFile, "--brand", "sihong-4x"] },
                  method: .get, path: { _ in "/v1/catalog/export?format=ndjson&brand=sihong-4x" }, body: { _ in nil }, asProducer: false,
                  output: exportFile),
        Operation(name: "void labels", arguments: { _ in ["labels", "void", "1", "--serials", "2-3", "--reason", "jammed roll"] },
                  method: .post, path: { _ in "/v1/label-batches/1/void" }, body: { _ in #"{"serials":"2-3","reason":"jammed roll"}"# }, asProducer: true,
                  before: { door in
                      _ = try IssueLabelBatch(store: door.fixture.store, assets: StoreFixture.repository.appendingPathComponent("Assets").path)
                          .run(.init(product: String(door.certified), lot: "L1", count: 4), as: .localOperator(name: "setup"))
                  }),
        Operation(name: "issue a label batch", arguments: { door in
            ["labels", "generate", "--product", String(door.certified), "--lot", "L1", "--count", "2", "--format", "svg",
             "--assets", StoreFixture.repository.appendingPathComponent("Assets").path,
             "--out", labelsFolder.appendingPathComponent(UUID().uuidString).path]
        }, method: .post, path: { _ in "/v1/label-batches" }, body: { door in #"{"product":\#(door.certified),"lot":"L1","count":2,"format":"svg"}"# },
                  asProducer: true),
    ]

    @Test(arguments: operations)
    func bothFrontDoorsLeaveTheSameStore(operation: Operation) async throws {
        let cli = try Door(), api = try Door()
        try operation.before(cli)
        try operation.before(api)
        let cliBefore = cli.lastAuditID, apiBefore = api.lastAuditID
        #expect(try cli.state(after: cliBefore) == api.state(after: apiBefore), "the two stores differ before the operation")

        let code = await TerroirMain.run(operation.arguments(cli) + ["--db", cli.fixture.path, "--actor", "officer"])
        #expect(code == operation.exitCode, "terroir \(operation.arguments(cli).joined(separator: " "))")

        let configuration = ServerConfiguration(databasePath: api.fixture.path, assetsPath: StoreFixture.repository.appendingPathComponent("Assets").path,
                                                brandsPath: Self.brandsFolder,
                                                cacheRecheckSeconds: 0)
        try await Application(router: buildRouter(store: api.fixture.store, configuration: configuration)).test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(operation.asProducer ? api.producer : api.officer)"
            if let type = operation.contentType { headers[.contentType] = type }
            let response = try await client.execute(uri: operation.path(api), method: operation.method, headers: headers,
                                                    body: operation.body(api).map { ByteBuffer(string: $0) })
            #expect(response.status.kind == .successful, "\(operation.method) \(operation.path(api)): \(response.status) \(String(buffer: response.body))")
            let undocumented = OpenAPIDocumentCheck.shared.problems(method: operation.method.rawValue, path: operation.path(api), status: Int(response.status.code),
                                                                    contentType: response.headers[.contentType], contentEncoding: response.headers[.contentEncoding],
                                                            body: Data(response.body.readableBytesView))
            #expect(undocumented.isEmpty, "not as documented: \(undocumented)")
            if let output = operation.output {
                let written = try String(contentsOfFile: output, encoding: .utf8)
                #expect(Self.products(written) == Self.products(String(buffer: response.body)))
                #expect(Self.products(written).count == 1, "the export holds the one certified product: \(written)")
                try? FileManager.default.removeItem(atPath: output)
            }
        }

        let cliAfter = try cli.state(after: cliBefore), apiAfter = try api.state(after: apiBefore)
        #expect(cliAfter == apiAfter)
        if operation.output == nil { #expect(cliAfter.contains { $0.hasPrefix("audit ") }, "the operation wrote no audit entry") }
        if let expected = operation.expected { #expect(cliAfter.contains { $0.contains(expected) }, "\(cliAfter)") }
    }
}
