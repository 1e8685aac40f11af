import BrandStandards
import CatalogStore
import Measures
import ProductSpecs
import TestSupport
import Testing
import Workflows

/// Changing a producer changes the fields named and nothing else; saying what the
/// store already holds writes nothing at all.
struct UpdateProducerTests {
    static let officer = Actor(role: .officer, scope: ["sihong-4x"], name: "officer")

    @Test func onlyTheFieldsGivenChange() throws {
        let fixture = try StoreFixture()
        let before = try #require(try fixture.store.producer(id: "farm"))
        let result = try UpdateProducer(store: fixture.store).run(.init(id: "farm", changes: .init(nameEn: "Farm renamed", validTo: "2029-06-30")),
                                                                  as: Self.officer)
        #expect(result.changed)
        let after = try #require(try fixture.store.producer(id: "farm"))
        #expect(after.name == LocalizedText(zh: before.name.zh, en: "Farm renamed"))
        #expect(after.validTo?.description == "2029-06-30")
        #expect(after.uscc == before.uscc && after.adminCode == before.adminCode && after.authorisations == before.authorisations)
        #expect(after.status == before.status)
    }

    @Test func sayingWhatTheStoreHoldsWritesNothing() throws {
        let fixture = try StoreFixture()
        let producer = try #require(try fixture.store.producer(id: "farm"))
        let audit = try fixture.store.auditLog().count
        let result = try UpdateProducer(store: fixture.store).run(.init(id: "farm", changes: .init(nameZh: producer.name.zh, nameEn: producer.name.en)),
                                                                  as: Self.officer)
        #expect(!result.changed)
        #expect(try fixture.store.saveProducers([producer], actor: "test") == (0, 0, 1))
        #expect(try fixture.store.auditLog().count == audit, "an unchanged producer was audited as changed")
    }

    @Test func aChangeTheStandardRefusesIsRefusedWhole() throws {
        let fixture = try StoreFixture()
        let before = try #require(try fixture.store.producer(id: "farm"))
        do throws(WorkflowError) {
            _ = try UpdateProducer(store: fixture.store).run(.init(id: "farm", changes: .init(nameEn: "Renamed", adminCode: "370602001")), as: Self.officer)
            Issue.record("an administrative code outside the region was accepted")
        } catch {
            #expect(error.kind == .invalid && error.code == "origin.outside_region", "\(error.code)")
        }
        #expect(try fixture.store.producer(id: "farm") == before)
    }
}
