import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// The context of one request: Hummingbird's, plus the API key that made it.
public struct TerroirRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller's key, when it sent a valid one.
    public var key: APIKey?

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
