import Foundation
import GRDB

/// The embedded SQLite store: published standard versions, producers and their
/// status history, products with their compliance reports, the change log and the
/// audit log. The one place with SQL. Every method is one transaction.
public final class CatalogStore: Sendable {
    let pool: DatabasePool

    /// The default database path: `$TERROIR_DB`, else `./var/terroir.sqlite`.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["TERROIR_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "var/terroir.sqlite"
    }

    /// Opens (creating if needed) the store at `path`, creating its folder, and
    /// migrates it to the current schema.
    /// - Throws: `StoreError.cannotOpen` when the file cannot be opened or migrated.
    public init(path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // The server reads on up to 16 threads at once, and each export it streams
            // holds a reader for as long as its client downloads.
            configuration.maximumReaderCount = 32
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            let applied = try pool.read { try Migrations.migrator.appliedIdentifiers($0) }
            try Migrations.migrator.migrate(pool)
            // Rebuilding the product table left its old pages free in the file: give
            // them back once, right after an existing store was upgraded.
            if !applied.isEmpty, !applied.contains(Migrations.productTableRebuild) { try pool.vacuum() }
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw .cannotOpen(path: path, reason: error.localizedDescription)
        }
    }

    /// Runs `body` in one write transaction, turning database errors into `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.storeErrors { try pool.write(body) }
    }

    /// Runs `body` on a read-only snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.storeErrors { try pool.read(body) }
    }

    /// Runs `work`, letting `StoreError`s through and wrapping any other error.
    static func storeErrors<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    /// Now, as the store writes times: ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
