import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// Publishes a brand's standard from the folder of brands (`Brands/<id>/standard.yaml`
/// and its label layouts): linted first (errors refuse it, with every diagnostic), a
/// new version stored only when it changed, then the brand's products validated
/// against it once it is in force. With `dryRun`, says what would change and writes
/// nothing: every product of the brand, with the status it would move to and why.
public struct PublishStandard: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var brand: String
        public var dryRun: Bool

        public init(brand: String, dryRun: Bool = false) {
            self.brand = brand
            self.dryRun = dryRun
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public enum Outcome: String, Codable, Sendable {
            /// A new version was stored.
            case published
            /// The standard is the one stored; nothing was written.
            case unchanged
            /// Not stored: the standard is a draft, or its version is taken by other content.
            case refused
            /// A dry run: nothing was written.
            case preview
        }

        public var brand: String
        public var outcome: Outcome
        /// The store's number of the version published, or of the one that stays.
        public var number: Int?
        /// The standard's own version (`2026.5`) and status.
        public var version: String
        public var status: String
        /// Why it was refused.
        public var refusal: LocalizedText?
        /// The day it comes into force, when that is after today (the version in force stays until then).
        public var scheduledFrom: String?
        /// The version that stays in force until then.
        public var staysInForce: Version?
        /// The products whose status changed (published) or would change (a dry run: every product).
        public var products: [ProductChange]
        /// Whether the standard is retired or expired: its products leave the catalog and no labels are issued.
        public var closed: Bool
        /// The lint's warnings.
        public var warnings: [Diagnostic]
    }

    /// A version of a standard: the store's number and the standard's own version.
    public struct Version: Codable, Sendable, Equatable {
        public var number: Int
        public var version: String
    }

    public struct ProductChange: Codable, Sendable, Equatable {
        public var id: Int64
        public var sku: String
        public var from: ProductStatus
        public var to: ProductStatus
        /// The errors that move it (a dry run).
        public var findings: [Finding]
    }

    let store: any CatalogStoring
    /// The folder of brands.
    let brands: String

    public init(store: any CatalogStoring, brands: String) {
        self.store = store
        self.brands = brands
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .publishStandard)
        try AccessRules.check(actor, brand: request.brand)
        guard let url = BrandDirectory.file(ofBrand: request.brand, in: brands) else {
            throw WorkflowError(.notFound, "brand.not_found", zh: "在 \(brands)/ 中找不到品牌“\(request.brand)”", en: "no brand “\(request.brand)” in \(brands)/")
        }
        let report = BrandLinter().lint(url, displayPath: "\(brands)/\(request.brand)/\(BrandDirectory.standardFileName)")
        guard let standard = report.standard else {
            var error = WorkflowError(.invalid, "standard.invalid", zh: "品牌“\(request.brand)”的标准有错误，未发布",
                                      en: "the standard of brand “\(request.brand)” has errors; it was not published")
            error.diagnostics = report.diagnostics
            throw error
        }
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        let today = CalendarDay.today()
        var result = Result(brand: request.brand, outcome: .preview, version: standard.version, status: standard.status.rawValue, products: [],
                            closed: false, warnings: warnings)
        return try WorkflowError.catching {
            if today < standard.effective.from {
                result.scheduledFrom = standard.effective.from.description
                result.staysInForce = try store.currentStandard(brand: request.brand).map { Version(number: $0.number, version: $0.standard.version) }
            }
            if request.dryRun {
                result.products = try store.revalidationPreview(standard, today: today).map { stored, report, status in
                    ProductChange(id: stored.id, sku: stored.product.sku, from: stored.product.status, to: status,
                                  findings: report.findings.filter { $0.severity == .error })
                }
                result.closed = CatalogStore.isClosed(standard, on: today)
                return result
            }
            switch try store.publish(standard, actor: actor.name) {
            case .unchanged(let current):
                result.outcome = .unchanged
                result.number = current.number
            case .refused(let reason):
                result.outcome = .refused
                result.refusal = reason
            case .published(let published):
                result.outcome = .published
                result.number = published.number
                for change in try store.applyStandardCalendar(today: today, actor: actor.name) where change.brandID == request.brand {
                    result.products += change.transitions.map { ProductChange(id: $0.productID, sku: $0.sku, from: $0.from, to: $0.to, findings: []) }
                    result.closed = change.closed == true
                }
            }
            return result
        }
    }
}
