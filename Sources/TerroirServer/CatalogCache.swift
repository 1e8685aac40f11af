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
    private var pages = Memo<(bytes: [UInt8], digest: String)>(limit: 512)
    private var keys = Memo<APIKey?>(limit: 4096)
    private var products = Memo<(stored: StoredProduct, entry: CatalogEntry)?>(limit: 4096)
    private var serials = Memo<(batchID: Int64, lot: String, key: [UInt8])?>(limit: 4096)

    /// Values built at the current data version, by key; emptied when it moves, or
    /// when it holds `limit` of them.
    private struct Memo<Value> {
        var values: [String: Value] = [:]
        let limit: Int
    }

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
            pages.values = [:]
            keys.values = [:]
            products.values = [:]
            serials.values = [:]
        }
        checkedAt = now
        context = fresh
        lock.unlock()
        return fresh
    }

    /// The value `build` makes for `key`, or the one it made before at this data version.
    private func remember<Value>(_ table: ReferenceWritableKeyPath<CatalogCache, Memo<Value>>, _ key: String,
                                 build: (ExportContext) throws -> Value) throws -> Value {
        let context = try exportContext()
        lock.lock()
        if let cached = self[keyPath: table].values[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let value = try build(context)
        lock.lock()
        if self[keyPath: table].values.count >= self[keyPath: table].limit { self[keyPath: table].values = [:] }
        self[keyPath: table].values[key] = value
        lock.unlock()
        return value
    }

    /// A page built by `build` for `key`, with its digest.
    func page(_ key: String, build: (ExportContext) throws -> [UInt8]) throws -> (bytes: [UInt8], digest: String) {
        try remember(\.pages, key) { context in
            let bytes = try build(context)
            return (bytes, Representation.digest(bytes))
        }
    }

    /// The live key for a bearer token (`nil` for none): revoking a key is audited,
    /// which moves the version.
    func apiKey(token: String) throws -> APIKey? {
        try remember(\.keys, token) { _ in try store.apiKey(token: token) }
    }

    /// The product a GTIN resolves to (certified first) and its catalog entry.
    func product(gtin: GTIN) throws -> (stored: StoredProduct, entry: CatalogEntry)? {
        try remember(\.products, gtin.digits) { context in try store.products(gtin: gtin).first.map { ($0, context.entry($0)) } }
    }

    /// The batch that issued a serial of a GTIN, its lot and signing key (`nil` when
    /// none did): issuing a batch moves the version.
    func issuedSerial(gtin: GTIN, serial: Int64) throws -> (batchID: Int64, lot: String, key: [UInt8])? {
        try remember(\.serials, "\(gtin.digits)/\(serial)") { _ in try store.issuedSerial(gtin: gtin, serial: serial) }
    }
}
