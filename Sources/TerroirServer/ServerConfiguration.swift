import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Labels
import Measures
import ProductSpecs

/// How `terroir-server` runs: where it listens, which store it serves, and its limits.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The SQLite store.
    public var databasePath: String
    /// The folder of brand marks, for label previews.
    public var assetsPath: String
    /// The folder of brands whose standards officers publish (`POST /v1/brands/{id}/publish`).
    public var brandsPath: String
    /// The font labels are drawn with.
    public var fontPath: String
    /// The largest request body accepted, in bytes.
    public var maximumBodyBytes: Int
    /// The largest product file `POST /v1/products/import` accepts, in bytes.
    public var maximumImportBytes: Int
    /// Requests a key may make per second, on average, and in a burst.
    public var requestsPerSecond: Double
    public var burst: Double
    /// How long what the catalog readers built from the store is served before the
    /// store is asked whether anything changed (writes through this server clear it
    /// at once; those of the batch tool show within this time).
    public var cacheRecheckSeconds: Double

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = CatalogStore.defaultPath, assetsPath: String = "Assets",
                brandsPath: String = "Brands",
                fontPath: String = FontFace.defaultPath, maximumBodyBytes: Int = 1 << 20, maximumImportBytes: Int = 32 << 20, requestsPerSecond: Double = 200, burst: Double = 400,
                cacheRecheckSeconds: Double = 0.25) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.assetsPath = assetsPath
        self.brandsPath = brandsPath
        self.fontPath = fontPath
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumImportBytes = maximumImportBytes
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.cacheRecheckSeconds = cacheRecheckSeconds
    }
}
