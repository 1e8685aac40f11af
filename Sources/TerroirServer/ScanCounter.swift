import CatalogStore
import Foundation
import Logging
import ServiceLifecycle

/// Counts people's scans in memory, and keeps the scans of codes the brand did not
/// issue (counterfeit attempts), and writes both to the store in one transaction every
/// `interval`, and once more when the service stops: a resolver lookup costs no write
/// of its own. A crash loses at most one interval of counts, never a verdict.
public final class ScanCounter: Service, @unchecked Sendable {
    private struct Item: Hashable {
        let gtin: String, lot: String, serial: String
    }

    private struct Attempt: Hashable {
        let item: Item, kind: CounterfeitKind
    }

    private struct Pending {
        var count: Int
        /// When the first of these scans was made.
        let at: String
    }

    private let store: CatalogStore
    private let threads: StoreThreads
    private let interval: Duration
    private let logger = Logger(label: "terroir-server.scans")
    private let lock = NSLock()
    private var tallies: [Item: ScanTally] = [:]
    private var pending: [Item: Pending] = [:]
    /// Scans of codes the brand did not issue since the last write, one entry a code.
    private var attempts: [Attempt: Pending] = [:]
    static let maximumRemembered = 100_000
    /// Forged codes kept for one write: a flood of them cannot fill the memory.
    static let maximumPendingAttempts = 10_000

    public init(store: CatalogStore, interval: Duration = .milliseconds(200), threads: StoreThreads = .shared) {
        self.store = store
        self.interval = interval
        self.threads = threads
    }

    /// Counts one scan; returns the item's scans, this one included. The store is read
    /// (on `StoreThreads`) only for an item not seen since the process started.
    func record(gtin: String, lot: String, serial: String) async throws -> ScanTally {
        if let tally = recordIfRemembered(gtin: gtin, lot: lot, serial: serial) { return tally }
        let base = try await stored(gtin: gtin, lot: lot, serial: serial)
        return lock.withLock { count(Item(gtin: gtin, lot: lot, serial: serial), base: base) }
    }

    /// Counts one scan of an item this process has counted before, and returns its
    /// tally; `nil` (and nothing counted) when its tally must first be read from the store.
    func recordIfRemembered(gtin: String, lot: String, serial: String) -> ScanTally? {
        let item = Item(gtin: gtin, lot: lot, serial: serial)
        return lock.withLock { tallies[item].map { count(item, base: $0) } }
    }

    /// The item's scans so far, counting none: what a machine's fetch reports.
    func tally(gtin: String, lot: String, serial: String) async throws -> ScanTally {
        if let tally = tallyIfRemembered(gtin: gtin, lot: lot, serial: serial) { return tally }
        let base = try await stored(gtin: gtin, lot: lot, serial: serial)
        return lock.withLock { remember(Item(gtin: gtin, lot: lot, serial: serial), base: base) }
    }

    /// `tally(gtin:lot:serial:)` from memory; `nil` when it must be read from the store.
    func tallyIfRemembered(gtin: String, lot: String, serial: String) -> ScanTally? {
        lock.withLock { tallies[Item(gtin: gtin, lot: lot, serial: serial)] }
    }

    /// Keeps a scan of a code the brand did not issue, to be written with the counts.
    func recordAttempt(gtin: String, lot: String, serial: String, kind: CounterfeitKind) {
        let attempt = Attempt(item: Item(gtin: gtin, lot: lot, serial: serial), kind: kind)
        let now = Self.now()
        lock.withLock {
            if attempts[attempt] != nil {
                attempts[attempt]!.count += 1
            } else if attempts.count < Self.maximumPendingAttempts {
                attempts[attempt] = Pending(count: 1, at: now)
            }
        }
    }

    private func stored(gtin: String, lot: String, serial: String) async throws -> ScanTally {
        let store = self.store
        return try await threads.run { try store.scanTally(gtin: gtin, lot: lot, serial: serial) }
    }

    /// The tally of `item`, the store's `base` unless this process counted more. Under `lock`.
    private func remember(_ item: Item, base: ScanTally) -> ScanTally {
        if tallies.count >= Self.maximumRemembered && pending.isEmpty { tallies = [:] }
        if let known = tallies[item], known.count >= base.count { return known }
        tallies[item] = base
        return base
    }

    /// Adds one scan to `item`, which the store had scanned `base` times. Under `lock`.
    private func count(_ item: Item, base: ScanTally) -> ScanTally {
        let known = remember(item, base: base)
        let now = Self.now()
        let tally = ScanTally(count: known.count + 1, firstAt: known.firstAt ?? now)
        tallies[item] = tally
        if pending[item] == nil {
            pending[item] = Pending(count: 1, at: now)
        } else {
            pending[item]!.count += 1
        }
        return tally
    }

    private static func now() -> String {
        Date().formatted(.iso8601)
    }

    /// Writes the counts and attempts gathered since the last write. Blocks: on `StoreThreads`.
    public func flush() {
        lock.lock()
        let batch = pending, attempted = attempts
        pending = [:]
        attempts = [:]
        lock.unlock()
        guard !batch.isEmpty || !attempted.isEmpty else { return }
        do {
            try store.addScans(batch.map { ScanBatchItem(gtin: $0.key.gtin, lot: $0.key.lot, serial: $0.key.serial, count: $0.value.count, at: $0.value.at) },
                               attempts: attempted.map { CounterfeitAttempt(gtin: $0.key.item.gtin, lot: $0.key.item.lot, serial: $0.key.item.serial,
                                                                            kind: $0.key.kind, at: $0.value.at, count: $0.value.count) })
        } catch {
            logger.error("could not write \(batch.count) scan counts and \(attempted.count) counterfeit attempts: \(String(describing: error))")
            lock.lock()
            pending.merge(batch) { later, earlier in Pending(count: later.count + earlier.count, at: earlier.at) }
            attempts.merge(attempted) { later, earlier in Pending(count: later.count + earlier.count, at: earlier.at) }
            lock.unlock()
        }
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: interval)
            try? await threads.run { self.flush() }
        }
        try? await threads.run { self.flush() }
    }
}
