import CatalogStore
import Measures
import ProductSpecs
import TestSupport
import Testing
import Workflows

/// Registering a producer checks what the producer file checks, for every front door.
struct RegisterProducerTests {
    static let officer = Actor(role: .officer, scope: ["sihong-4x"], name: "officer")

    static func request(adminCode: String = "321324101", id: String = "new-coop", categories: [String] = ["rice"]) -> RegisterProducer.Request {
        .init(id: id, name: LocalizedText(zh: "新社", en: "New co-op"), uscc: "92321322MA1F2G3H5R", adminCode: adminCode,
              authorisations: ["sihong-4x": categories])
    }

    @Test func aProducerOutsideTheBrandsRegionIsRefused() throws {
        let fixture = try StoreFixture()
        #expect(throws: WorkflowError.self) { try RegisterProducer(store: fixture.store).run(Self.request(adminCode: "370602001"), as: Self.officer) }
        do throws(WorkflowError) {
            _ = try RegisterProducer(store: fixture.store).run(Self.request(adminCode: "370602001"), as: Self.officer)
        } catch {
            #expect(error.kind == .invalid && error.code == "origin.outside_region", "\(error.code)")
            #expect(error.message.zh.contains("370602001"), "\(error.message.zh)")
        }
        #expect(try fixture.store.producer(id: "new-coop") == nil)
    }

    @Test func anUnknownCategoryAndATakenIdAreRefused() throws {
        let fixture = try StoreFixture()
        let register = RegisterProducer(store: fixture.store)
        do throws(WorkflowError) {
            _ = try register.run(Self.request(categories: ["durian"]), as: Self.officer)
            Issue.record("an unknown category was accepted")
        } catch {
            #expect(error.code == "category.unknown")
        }
        do throws(WorkflowError) {
            _ = try register.run(Self.request(id: "farm"), as: Self.officer)
            Issue.record("a taken id was accepted")
        } catch {
            #expect(error.kind == .conflict && error.code == "producer.exists")
        }
    }

    @Test func aProducerInTheRegionIsSavedAndAudited() throws {
        let fixture = try StoreFixture()
        let producer = try RegisterProducer(store: fixture.store).run(Self.request(), as: Self.officer)
        #expect(producer.authorisations == ["sihong-4x": ["rice"]])
        #expect(try fixture.store.producer(id: "new-coop") == producer)
        #expect(try fixture.store.auditLog().first?.actor == "officer")
    }
}
