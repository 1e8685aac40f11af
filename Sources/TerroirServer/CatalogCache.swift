import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import NIOCore
import ProductSpecs

/// What catalog readers build from the store, kept until the store's data version
/// moves: the export context (standards and producer names, decoded once) and recent
/// catalog pages with their digests. Scans do not move the version; any write a
/// platform could see does.
///
/// A hit is answered from memory on the caller's thread; a miss reads the store on
/// `StoreThreads`, never on a Swift concurrency thread.
final class CatalogCache: @unchecked Sendable {
    private let store: CatalogStore
    private let threads: StoreThreads
    private let lock = NSLock()
    private var version = ""
    /// When the data version was last read; it is read again after `recheck` seconds,
    /// or at once after this process writes (`invalidate`).
    private var checkedAt = -Double.infinity
    private let recheck: Double
    private var context: ExportContext?
    private var pages = Memo<(buffer: ByteBuffer, digest: String)>(limit: 512)
    private var keys = Memo<APIKey?>(limit: 4096)
    private var products = Memo<ResolvableProduct?>(limit: 4096)
    private var serials = Memo<IssuedSerial?>(limit: 4096)
    private var signatures = Memo<Bool>(limit: 16_384)
    private var published = Memo<Bool>(limit: 1024)
    private var certificates = Memo<CertificateRecord?>(limit: 1024)
    /// Values being built, so that requests asking for the same one at once (32
    /// platforms after a write moved the version) wait for one build, not make 32.
    private var building: [Flight: Any] = [:]

    private struct Flight: Hashable {
        let table: AnyKeyPath
        let key: String
    }

    /// Values built at the current data version, by key; emptied when it moves, or
    /// when it holds `limit` of them.
    private struct Memo<Value> {
        var values: [String: Value] = [:]
        let limit: Int
    }

    init(store: CatalogStore, recheck: Double, threads: StoreThreads = .shared) {
        self.store = store
        self.recheck = recheck
        self.threads = threads
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
    func exportContext() async throws -> ExportContext {
        if let context = recentContext() { return context }
        return try await threads.run { try self.currentContext() }
    }

    /// The context, when the data version was read less than `recheck` seconds ago.
    private func recentContext() -> ExportContext? {
        let now = ProcessInfo.processInfo.systemUptime
        lock.lock()
        defer { lock.unlock() }
        return now - checkedAt < recheck ? context : nil
    }

    /// Reads the data version, and builds the context again when it moved. Blocks: on
    /// `StoreThreads` only.
    private func currentContext() throws -> ExportContext {
        let now = ProcessInfo.processInfo.systemUptime
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
            signatures.values = [:]
            published.values = [:]
            certificates.values = [:]
            building = [:]
        }
        checkedAt = now
        context = fresh
        lock.unlock()
        return fresh
    }

    /// The value `build` makes for `key` (on `StoreThreads`), or the one it made before
    /// at this data version.
    private func remember<Value: Sendable>(_ table: ReferenceWritableKeyPath<CatalogCache, Memo<Value>>, _ key: String,
                                           build: @escaping @Sendable (ExportContext) throws -> Value) async throws -> Value {
        let context = try await exportContext()
        let flight = Flight(table: table, key: key)
        if let cached = lock.withLock({ self[keyPath: table].values[key] }) { return cached }
        let task: Task<Value, any Error> = lock.withLock {
            if let running = building[flight] as? Task<Value, any Error> { return running }
            let threads = self.threads
            let task = Task { try await threads.run { try build(context) } }
            building[flight] = task
            return task
        }
        do {
            let value = try await task.value
            lock.withLock {
                if (building[flight] as? Task<Value, any Error>) == task {
                    building[flight] = nil
                    keep(value, in: table, key)
                }
            }
            return value
        } catch {
            lock.withLock {
                if (building[flight] as? Task<Value, any Error>) == task { building[flight] = nil }
            }
            throw error
        }
    }

    /// Keeps `value` for `key`, making room when the table is full. Under `lock`.
    private func keep<Value>(_ value: Value, in table: ReferenceWritableKeyPath<CatalogCache, Memo<Value>>, _ key: String) {
        if self[keyPath: table].values.count >= self[keyPath: table].limit { self[keyPath: table].values = [:] }
        self[keyPath: table].values[key] = value
    }

    /// The value kept for `key`, when the data version was read less than `recheck`
    /// seconds ago; `nil` when finding it needs the store (or a fresh version).
    private func inMemory<Value>(_ table: KeyPath<CatalogCache, Memo<Value>>, _ key: String) -> Value? {
        let now = ProcessInfo.processInfo.systemUptime
        return lock.withLock { now - checkedAt < recheck ? self[keyPath: table].values[key] : nil }
    }

    /// A page built by `build` for `key`, with its digest, in the buffer every answer
    /// sends (a copy of 131 kB per request showed in `Tools/bench http`).
    func page(_ key: String, build: @escaping @Sendable (ExportContext) throws -> [UInt8]) async throws -> (buffer: ByteBuffer, digest: String) {
        try await remember(\.pages, key) { context in
            let bytes = try build(context)
            return (ByteBuffer(bytes: bytes), Representation.digest(bytes))
        }
    }

    /// The live key for a bearer token (`nil` for none): revoking a key is audited,
    /// which moves the version.
    func apiKey(token: String) async throws -> APIKey? {
        let store = self.store
        return try await remember(\.keys, token) { _ in try store.apiKey(token: token) }
    }

    /// Whether `brand` was published at least once (publishing moves the version).
    func isPublished(brand: String) async throws -> Bool {
        let store = self.store
        return try await remember(\.published, brand) { _ in try !store.standardVersions(brand: brand).isEmpty }
    }

    /// The product a GTIN resolves to (certified first), its catalog entry and the
    /// entry's canonical JSON (built once, not on every scan).
    func product(gtin: GTIN) async throws -> ResolvableProduct? {
        let store = self.store
        return try await remember(\.products, gtin.digits) { context in
            try store.products(gtin: gtin).first.map { ResolvableProduct(stored: $0, context: context) }
        }
    }

    /// What a serial of a GTIN and lot with `signature` is: issued by a batch that
    /// signs it so, or which kind of counterfeit. The HMAC is worked out once per label
    /// and signature, not on every scan of it.
    func checkSerial(gtin: GTIN, lot: String?, serial serialText: String, signature: String?) async throws -> SerialCheck {
        guard let serial = Int64(serialText), let issued = try await issuedSerial(gtin: gtin, serial: serial) else {
            return .counterfeit(.neverIssued)
        }
        return signed(issued, gtin: gtin, lot: lot, serial: serialText, signature: signature)
    }

    /// The product a GTIN resolves to, as `product(gtin:)` gives it, when it is in
    /// memory; `nil` when finding it needs the store.
    func productInMemory(gtin: GTIN) -> ResolvableProduct?? {
        inMemory(\.products, gtin.digits)
    }

    /// `checkSerial(gtin:lot:serial:signature:)`'s answer, when the issued serial is
    /// in memory; `nil` when finding it needs the store.
    func checkSerialInMemory(gtin: GTIN, lot: String?, serial serialText: String, signature: String?) -> SerialCheck? {
        guard let serial = Int64(serialText) else { return .counterfeit(.neverIssued) }
        guard let remembered = inMemory(\.serials, "\(gtin.digits)/\(serial)") else { return nil }
        guard let issued = remembered else { return .counterfeit(.neverIssued) }
        return signed(issued, gtin: gtin, lot: lot, serial: serialText, signature: signature)
    }

    /// `issued`, when it is of `lot` and the signature is the one its batch's key
    /// gives. Checked once per label and signature (an HMAC), then remembered.
    private func signed(_ issued: IssuedSerial, gtin: GTIN, lot: String?, serial: String, signature: String?) -> SerialCheck {
        guard issued.lot == lot else { return .counterfeit(.wrongLot) }
        guard let signature else { return .counterfeit(.forgedSignature) }
        let key = "\(gtin.digits)/\(lot ?? "")/\(serial)/\(signature)"
        let signed = lock.withLock { signatures.values[key] } ?? {
            let signed = SerialSignature.verify(signature, key: issued.key, gtin: gtin, lot: lot, serial: serial)
            lock.withLock { keep(signed, in: \.signatures, key) }
            return signed
        }()
        return signed ? .issued(issued) : .counterfeit(.forgedSignature)
    }

    /// A commitment certificate, as a scan of one of its copies shows it (voided or not):
    /// voiding moves the version.
    func certificate(id: Int64) async throws -> CertificateRecord? {
        let store = self.store
        return try await remember(\.certificates, String(id)) { _ in try store.certificate(id: id) }
    }

    /// The batch that issued a serial of a GTIN, its lot and signing key (`nil` when
    /// none did): issuing a batch moves the version.
    func issuedSerial(gtin: GTIN, serial: Int64) async throws -> IssuedSerial? {
        let store = self.store
        return try await remember(\.serials, "\(gtin.digits)/\(serial)") { _ in try store.issuedSerial(gtin: gtin, serial: serial) }
    }
}
