import BrandStandards
import CatalogStore
import Foundation
import Logging
import ServiceLifecycle

/// Applies the standards' calendar while the server runs, as the batch tool does
/// whenever it opens the store: a version that comes into force at midnight, or a
/// standard that expires, takes effect within `interval`, not at the next restart.
/// Applying it when nothing is due reads the store and writes nothing; what it writes
/// moves the store's data version, so the catalog cache sees it at its next check.
public final class StandardCalendarService: Service, @unchecked Sendable {
    private let store: CatalogStore
    private let threads: StoreThreads
    private let interval: Duration
    private let logger = Logger(label: "terroir-server.calendar")

    public init(store: CatalogStore, interval: Duration = .seconds(60), threads: StoreThreads = .shared) {
        self.store = store
        self.interval = interval
        self.threads = threads
    }

    /// Applies what is due now. Blocks: on `StoreThreads`.
    public func apply() {
        do {
            for change in try store.applyStandardCalendar(actor: "terroir-server") {
                let version = change.appliedVersion.map { "now at version \($0.number) (\($0.standard.version))" } ?? "closed or reopened"
                logger.info("standard calendar: \(change.brandID) \(version); \(change.transitions.count) product(s) changed status")
            }
        } catch {
            logger.error("could not apply the standard calendar: \(String(describing: error))")
        }
    }

    /// Stops as soon as the server shuts down: a minute's sleep does not hold it up.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.interval)
                guard !Task.isCancelled else { return }
                try? await self.threads.run { self.apply() }
            }
        }
    }
}
