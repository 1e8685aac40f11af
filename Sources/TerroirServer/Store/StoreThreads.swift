import NIOPosix

/// The threads on which request handlers read and write the store.
///
/// SQLite's calls block: a read waits for a free connection, a write for the lock (up
/// to the store's busy timeout), an export holds a read transaction for as long as its
/// client downloads. On Swift concurrency's few threads (one per core) a handful of
/// such calls would stall every request, `/healthz` included. So handlers hand their
/// store work to this pool, which is not Swift concurrency's, and await it; only what
/// is already in memory (the catalog cache's hits) is answered in place.
public struct StoreThreads: Sendable {
    /// The process's pool: its threads live as long as the process.
    public static let shared = StoreThreads(threads: 16)

    private let pool: NIOThreadPool

    private init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Runs `work` on one of the pool's threads and returns what it returns.
    /// - Throws: what `work` throws.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }
}
