import CatalogExport
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import TestSupport
import Testing
import Workflows

/// Who may do what, decided once in Workflows for every front door.
struct RoleMatrixTests {
    /// The matrix as the README documents it: changing who may do what must change
    /// this table too.
    static let documented: [Permission: Set<Actor.Role>] = [
        .readBrands: [.officer, .producer, .station, .platform, .operator],
        .publishStandard: [.officer, .operator],
        .registerProducer: [.officer, .operator],
        .updateProducer: [.officer, .operator],
        .readProducer: [.officer, .producer, .station, .operator],
        .suspendProducer: [.officer, .operator],
        .revokeProducer: [.officer, .operator],
        .reinstateProducer: [.officer, .operator],
        .validateProduct: [.officer, .producer, .station, .operator],
        .saveProducts: [.producer, .station, .operator],
        .readProduct: [.officer, .producer, .station, .operator],
        .deleteProduct: [.officer, .producer, .station, .operator],
        .certifyProducts: [.officer, .operator],
        .withdrawProducts: [.officer, .producer, .station, .operator],
        .revalidateProducts: [.officer, .operator],
        .issueLabelBatch: [.producer, .station, .operator],
        .resumeLabelBatch: [.producer, .station, .operator],
        .readLabelBatch: [.officer, .producer, .station, .operator],
        .voidLabels: [.officer, .producer, .station, .operator],
        .readLedger: [.officer, .operator],
        .readScans: [.officer, .operator],
        .handOffLabels: [.producer, .station, .operator],
        .unlockLabels: [.officer, .operator],
        .issueCertificates: [.producer, .station, .operator],
        .readCertificates: [.officer, .producer, .station, .operator],
        .voidCertificates: [.officer, .producer, .station, .operator],
        .deleteCertificates: [.officer, .operator],
        .readCatalog: [.officer, .platform, .operator],
        .exportCatalog: [.officer, .platform, .operator],
        .followFeed: [.officer, .platform, .operator],
        .manageKeys: [.operator],
    ]

    @Test(arguments: Permission.allCases)
    func everyOperationAllowsExactlyItsRoles(operation: Permission) throws {
        let expected = try #require(Self.documented[operation], "\(operation) is not in the documented matrix")
        for role in Actor.Role.allCases {
            let actor = Actor(role: role, scope: [], name: role.rawValue)
            let allowed = (try? AccessRules.require(actor, operation)) != nil
            #expect(allowed == expected.contains(role), "\(operation.rawValue) as \(role.rawValue)")
        }
    }

    /// The actors the workflows are run as: each role, and an officer of another brand.
    static let actors: [String: Actor] = [
        "officer": Actor(role: .officer, scope: ["sihong-4x"], name: "officer"),
        "other-officer": Actor(role: .officer, scope: ["yantai-apple"], name: "other-officer"),
        "producer": Actor(role: .producer, scope: ["farm"], name: "farm"),
        "other-producer": Actor(role: .producer, scope: ["mill"], name: "mill"),
        "station": Actor(role: .station, scope: ["321324101"], name: "station"),
        "platform": Actor(role: .platform, scope: [], name: "platform"),
        "operator": .localOperator(name: "cli:test"),
    ]

    /// A store with a certified product of the farm, and the standard in force.
    static func store() throws -> (StoreFixture, Int64) {
        let fixture = try StoreFixture()
        var rice = StoreFixture.rice("RICE-A")
        rice.fields["gtin"] = "6901234567014"
        try fixture.importAll([rice, StoreFixture.rice("RICE-B"), StoreFixture.crab("CRAB-A", gtin: "6901234567052")])
        let id = try fixture.store.products().first { $0.product.sku == "RICE-A" }!.id
        let crab = try fixture.store.products().first { $0.product.sku == "CRAB-A" }!.id
        _ = try fixture.store.certify(ids: [id, crab], actor: "test")
        return (fixture, id)
    }

    /// Each workflow, as each actor, on a fresh store: those outside the role or the
    /// scope are refused with `auth.forbidden` and nothing is written; the others succeed.
    @Test(arguments: ["publish", "revalidate", "register", "update", "suspend", "revoke", "reinstate", "certify", "withdraw", "delete", "import", "save", "validate", "export", "feed", "read-batch", "resume-batch", "void-batch", "hand-off-batch", "unlock-batch", "ledger", "scans", "issue-labels",
                            "issue-certificate", "read-certificate", "void-certificate"])
    func everyWorkflowRefusesWhoItShould(workflow: String) throws {
        let succeeds: Set<String> = switch workflow {
        case "publish", "revalidate", "register", "update", "suspend", "revoke", "reinstate", "certify", "ledger", "scans", "unlock-batch": ["officer", "operator"]
        case "withdraw", "delete", "validate", "read-batch", "void-batch", "read-certificate", "void-certificate":
            ["officer", "producer", "station", "operator"]
        case "export", "feed": ["officer", "platform", "operator"]
        default: ["producer", "station", "operator"]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-matrix-\(UUID().uuidString).csv")
        try "sku,category,name_zh,origin,producer,net_content,grade,moisture,variety\nRICE-C,rice,新米,321324101,farm,5 kg,grade-1,14.5%,南粳9108\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for (name, actor) in Self.actors {
            let (fixture, certified) = try Self.store()
            if workflow == "reinstate" { _ = try fixture.store.changeProducerStatus(id: "farm", to: .suspended, reason: "test", actor: "test") }
            let batch = workflow.hasSuffix("-batch")
                ? try IssueLabelBatch(store: fixture.store, assets: StoreFixture.repository.appendingPathComponent("Assets").path)
                    .run(.init(product: String(certified), lot: "L1", count: 2), as: .localOperator(name: "setup")).batch.id
                : nil
            let crab = try fixture.store.products().first { $0.product.sku == "CRAB-A" }!.id
            let assets = StoreFixture.repository.appendingPathComponent("Assets").path
            let certificate = workflow.hasSuffix("-certificate") && workflow != "issue-certificate"
                ? try IssueCertificate(store: fixture.store, assets: assets)
                    .run(.init(product: String(crab), quantity: "500kg", basis: .qualityControl, contact: "0527-1234"), as: .localOperator(name: "setup"))
                    .certificate.id
                : nil
            if let batch, workflow == "hand-off-batch" { try fixture.store.completeLabelBatch(id: batch) }
            if let batch, workflow == "unlock-batch" { _ = try fixture.store.handOffLabelBatch(id: batch, manifestSHA256: "aa", actor: "setup") }
            let auditBefore = try fixture.store.auditLog().count
            let compliant = try fixture.store.products().first { $0.product.sku == "RICE-B" }!.id
            do throws(WorkflowError) {
                switch workflow {
                case "publish":
                    let brands = StoreFixture.repository.appendingPathComponent("Brands").path
                    #expect(try PublishStandard(store: fixture.store, brands: brands).run(.init(brand: "sihong-4x"), as: actor).outcome == .unchanged)
                case "revalidate":
                    #expect(try RevalidateProducts(store: fixture.store).run(.init(brand: "sihong-4x"), as: actor).changes.isEmpty)
                case "register":
                    _ = try RegisterProducer(store: fixture.store).run(.init(
                        id: "new-coop", name: LocalizedText(zh: "新社", en: "New co-op"), uscc: "92321322MA1F2G3H5R", adminCode: "321324101",
                        authorisations: ["sihong-4x": ["rice"]]), as: actor)
                case "update":
                    _ = try UpdateProducer(store: fixture.store).run(.init(id: "farm", changes: .init(nameEn: "Farm renamed")), as: actor)
                case "suspend", "revoke", "reinstate":
                    let status: ProducerStatus = workflow == "suspend" ? .suspended : workflow == "revoke" ? .revoked : .active
                    _ = try ChangeProducerStatus(store: fixture.store).run(.init(producer: "farm", status: status, reason: "moisture fraud"), as: actor)
                case "certify":
                    _ = try CertifyProducts(store: fixture.store).run(.init(ids: [compliant]), as: actor)
                case "import":
                    // A producer outside the row's scope is refused row by row, in the report.
                    let report = try ImportProducts(store: fixture.store).run(.init(brand: "sihong-4x", file: file.path), as: actor)
                    if !report.committed {
                        #expect(report.failed.first?.findings.contains { $0.code == "auth.forbidden" } == true, "import as \(name): \(report.failed)")
                        throw WorkflowError(.forbidden, "auth.forbidden", zh: "", en: "")
                    }
                case "save", "validate":
                    let product = #"{"brand":"sihong-4x","sku":"RICE-C","category":"rice","name_zh":"新米","origin":"321324101","producer":"farm","#
                        + #""attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"14.5%","variety":"南粳9108"}}"#
                    if workflow == "save" {
                        _ = try SaveProduct(store: fixture.store).run(.init(product: product), as: actor)
                    } else {
                        #expect(try ValidateProduct(store: fixture.store).run(.init(product: product), as: actor).isCompliant)
                    }
                case "export":
                    var written = 0
                    let export = try ExportCatalog(store: fixture.store).start(.init(format: .ndjson, brand: "sihong-4x"), as: actor)
                    _ = try? export.write(to: ExportOutput { written += $0.count })
                    #expect(written > 0)
                case "feed":
                    var written = 0
                    try FollowFeed(store: fixture.store).run(.init(brand: "sihong-4x"), as: actor, to: ExportOutput { written += $0.count })
                    #expect(written > 0)
                case "read-batch", "resume-batch":
                    let id = batch ?? 0
                    let opened = workflow == "read-batch"
                        ? try ReadLabelBatch(store: fixture.store).run(.init(batch: id), as: actor)
                        : try ResumeLabelBatch(store: fixture.store).run(.init(batch: id), as: actor)
                    #expect(opened.batch.id == id && !opened.key.isEmpty)
                case "hand-off-batch":
                    #expect(try HandOffLabelBatch(store: fixture.store).run(.init(batch: batch ?? 0, manifestSHA256: "aa"), as: actor).new)
                case "unlock-batch":
                    #expect(try UnlockLabelBatch(store: fixture.store).run(.init(batch: batch ?? 0, reason: "reprint"), as: actor).unlocked != nil)
                case "ledger":
                    #expect(try LedgerReport(store: fixture.store).run(.init(brand: "sihong-4x", year: 2026), as: actor).total.issued >= 0)
                case "scans":
                    #expect(try ScansReport(store: fixture.store).run(.init(brand: "sihong-4x"), as: actor).lines.isEmpty)
                case "void-batch":
                    let voided = try VoidLabels(store: fixture.store).run(.init(batch: batch ?? 0, serials: "1-2", reason: "jammed roll"), as: actor)
                    #expect(voided.voided == 2)
                case "issue-certificate":
                    _ = try IssueCertificate(store: fixture.store, assets: assets)
                        .run(.init(product: String(crab), quantity: "1000斤", basis: .selfTest, report: "JC-1", contact: "0527-1234"), as: actor)
                case "read-certificate":
                    #expect(try ReadCertificates(store: fixture.store).run(.init(id: certificate ?? 0), as: actor).count == 1)
                case "void-certificate":
                    #expect(try VoidCertificate(store: fixture.store).run(.init(id: certificate ?? 0, reason: "wrong weight"), as: actor).voided == 1)
                case "delete":
                    _ = try DeleteProduct(store: fixture.store).run(.init(id: compliant), as: actor)
                case "withdraw":
                    _ = try WithdrawProducts(store: fixture.store).run(.init(ids: [certified], reason: "sold out"), as: actor)
                default:
                    _ = try IssueLabelBatch(store: fixture.store, assets: StoreFixture.repository.appendingPathComponent("Assets").path)
                        .run(.init(product: String(certified), lot: "L1", count: 2), as: actor)
                }
                #expect(succeeds.contains(name), "\(workflow) as \(name) succeeded")
            } catch {
                #expect(!succeeds.contains(name), "\(workflow) as \(name): \(error.code) \(error.message.en)")
                if !succeeds.contains(name) {
                    #expect(error.kind == .forbidden && error.code == "auth.forbidden", "\(workflow) as \(name): \(error.code)")
                    #expect(try fixture.store.auditLog().count == auditBefore, "\(workflow) as \(name) wrote although refused")
                }
            }
        }
    }
}
