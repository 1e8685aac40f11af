import BrandStandards
import CatalogStore
import Foundation
import ProductSpecs
import TerroirServer
import TestSupport
import Testing

/// The server applies the standards' calendar while it runs, not only when it starts.
struct StandardCalendarServiceTests {
    @Test func aVersionInForceThatWasNotAppliedIsAppliedByTheService() throws {
        let fixture = try ServerFixture()
        // A new version stored but not yet applied, as at midnight before it comes into force.
        let file = try StoreFixture.tightenedBrands().appendingPathComponent("sihong-4x/brand.yaml")
        let tightened = try #require(BrandLinter().lint(file).standard)
        guard case .published = try fixture.store.publish(tightened, actor: "test") else { Issue.record("not published"); return }
        #expect(try fixture.store.product(reference: String(fixture.certifiedID))?.product.status == .certified)

        StandardCalendarService(store: fixture.store).apply()
        #expect(try fixture.store.product(reference: String(fixture.certifiedID))?.product.status == .nonCompliant)
        // Nothing more is due: applying again writes nothing.
        let audit = try fixture.store.auditLog().count
        StandardCalendarService(store: fixture.store).apply()
        #expect(try fixture.store.auditLog().count == audit)
    }
}
