import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import ProductSpecs

/// What catalog readers build from the store, kept until the store's data version
/// moves: the export context (standards and producer names, decoded once) and recent
/// catalog pages with their digests. Scans do not move the version; any write a
/// platform could see does.
final class CatalogCache: @unchecked Sendable {
    private let store: CatalogStore
    private let lock = NSLock()
    private var version = ""
    /// When the data version was last read; it is read again after `recheck` seconds,
    /// or at once after this process writes (`invalidate`).
    private var checkedAt = -Double.infinity
    private let recheck: Double
    private var context: ExportContext?
    private var pages: [String: (bytes: [UInt8], digest: String)] = [:]
    private var keys: [String: APIKey?] = [:]
    private var products: [String: (stored: StoredProduct, entry: CatalogEntry)?] = [:]
    private var serials: [String: (batchID: Int64, lot: String, key: [UInt8])?] = [:]
    static let maximumPages = 512
    static let maximumEntries = 4096

    init(store: CatalogStore, recheck: Double) {
        self.store = store
        self.recheck = recheck
    }

    /// Forgets everything: this process just wrote.
    func invalidate() {
        lock.lock()
        checkedAt = -Double.infinity
        version = ""
        lock.unlock()
    }

    /// The export context for the store as it is now (as of at most `recheck` seconds
    /// ago for writes by other processes, such as the batch tool).
    func exportContext() throws -> ExportContext {
        let now = ProcessInfo.processInfo.systemUptime
        lock.lock()
        if now - checkedAt < recheck, let context {
            lock.unlock()
            return context
        }
        lock.unlock()
        let current = try store.dataVersion()
        lock.lock()
        if current == version, let context {
            checkedAt = now
            lock.unlock()
            return context
        }
        lock.unlock()
        let fresh = try ExportContext(store: store)
        lock.lock()
        if current != version {
            version = current
            pages = [:]
            keys = [:]
            products = [:]
            serials = [:]
        }
        checkedAt = now
        context = fresh
        lock.unlock()
        return fresh
    }

    /// A page built by `build` for `key`, or the one built before at this data version.
    func page(_ key: String, build: (ExportContext) throws -> [UInt8]) throws -> (bytes: [UInt8], digest: String) {
        let context = try exportContext()
        lock.lock()
        if let cached = pages[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let bytes = try build(context)
        let page = (bytes, Representation.digest(bytes))
        lock.lock()
        if pages.count >= Self.maximumPages { pages = [:] }
        pages[key] = page
        lock.unlock()
        return page
    }

    /// The live key for a bearer token (`nil` for none), looked up once per data version:
    /// revoking a key is audited, which moves the version.
    func apiKey(token: String) throws -> APIKey? {
        _ = try exportContext()
        lock.lock()
        if let cached = keys[token] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let key = try store.apiKey(token: token)
        lock.lock()
        if keys.count >= Self.maximumEntries { keys = [:] }
        keys[token] = .some(key)
        lock.unlock()
        return key
    }

    /// The product a GTIN resolves to (certified first) and its catalog entry.
    func product(gtin: GTIN) throws -> (stored: StoredProduct, entry: CatalogEntry)? {
        let context = try exportContext()
        lock.lock()
        if let cached = products[gtin.digits] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let found = try store.products(gtin: gtin).first.map { ($0, context.entry($0)) }
        lock.lock()
        if products.count >= Self.maximumEntries { products = [:] }
        products[gtin.digits] = .some(found)
        lock.unlock()
        return found
    }

    /// The batch that issued a serial of a GTIN, its lot and signing key (`nil` when
    /// none did), looked up once per data version: issuing a batch moves the version.
    func issuedSerial(gtin: GTIN, serial: Int64) throws -> (batchID: Int64, lot: String, key: [UInt8])? {
        _ = try exportContext()
        let key = "\(gtin.digits)/\(serial)"
        lock.lock()
        if let cached = serials[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let found = try store.issuedSerial(gtin: gtin, serial: serial)
        lock.lock()
        if serials.count >= Self.maximumEntries { serials = [:] }
        serials[key] = .some(found)
        lock.unlock()
        return found
    }
}
