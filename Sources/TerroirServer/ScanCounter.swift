import CatalogStore
import Foundation
import Logging
import ServiceLifecycle

/// Counts scans in memory and writes them to the store in one transaction every
/// `interval`, and once more when the service stops: a resolver lookup costs no write
/// of its own. A crash loses at most one interval of counts, never a verdict.
public final class ScanCounter: Service, @unchecked Sendable {
    private struct Item: Hashable {
        let gtin: String, lot: String, serial: String
    }

    private let store: CatalogStore
    private let threads: StoreThreads
    private let interval: Duration
    private let logger = Logger(label: "terroir-server.scans")
    private let lock = NSLock()
    private var counts: [Item: Int] = [:]
    private var pending: [Item: Int] = [:]
    static let maximumRemembered = 100_000

    public init(store: CatalogStore, interval: Duration = .milliseconds(200), threads: StoreThreads = .shared) {
        self.store = store
        self.interval = interval
        self.threads = threads
    }

    /// Counts one scan; returns how many times the item has been scanned, this one
    /// included. The store is read (on `StoreThreads`) only for an item not seen since
    /// the process started.
    func record(gtin: String, lot: String, serial: String) async throws -> Int {
        if let count = recordIfRemembered(gtin: gtin, lot: lot, serial: serial) { return count }
        let store = self.store
        let base = try await threads.run { try store.scanCount(gtin: gtin, lot: lot, serial: serial) }
        return lock.withLock { count(Item(gtin: gtin, lot: lot, serial: serial), base: base) }
    }

    /// Counts one scan of an item this process has counted before, and returns its
    /// count; `nil` (and nothing counted) when its count must first be read from the store.
    func recordIfRemembered(gtin: String, lot: String, serial: String) -> Int? {
        let item = Item(gtin: gtin, lot: lot, serial: serial)
        return lock.withLock { counts[item].map { count(item, base: $0) } }
    }

    /// Adds one scan to `item`, which the store had scanned `base` times. Under `lock`.
    private func count(_ item: Item, base: Int) -> Int {
        if counts.count >= Self.maximumRemembered && pending.isEmpty { counts = [:] }
        let count = max(counts[item] ?? base, base) + 1
        counts[item] = count
        pending[item, default: 0] += 1
        return count
    }

    /// Writes the counts gathered since the last write. Blocks: on `StoreThreads`.
    public func flush() {
        lock.lock()
        let batch = pending
        pending = [:]
        lock.unlock()
        guard !batch.isEmpty else { return }
        do {
            try store.addScans(batch.map { ($0.key.gtin, $0.key.lot, $0.key.serial, $0.value) })
        } catch {
            logger.error("could not write \(batch.count) scan counts: \(String(describing: error))")
            lock.lock()
            for (item, count) in batch { pending[item, default: 0] += count }
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
