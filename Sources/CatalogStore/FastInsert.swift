import GRDB
import GRDBSQLite

/// Binds and runs a prepared statement through SQLite's C API, for the one hot path
/// where GRDB's argument boxing showed in profiles: writing imported rows. Values
/// are bound in order, every parameter each time. Texts are gathered end to end in
/// one buffer that SQLite reads in place while the statement runs, instead of
/// copying each into an allocation of its own; keep one `FastInsert` to reuse it.
struct FastInsert {
    /// Holds the statement, which finalizes its SQLite statement when freed.
    private let prepared: Statement
    private let statement: SQLiteStatement
    private let connection: OpaquePointer
    private var values: [Value] = []
    private var texts: [UInt8] = []

    private enum Value {
        case null
        case integer(Int64)
        /// Where the text's bytes lie in `texts`.
        case text(Range<Int>)
    }

    init(_ statement: Statement, in db: Database) {
        self.prepared = statement
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection!
    }

    mutating func bind(_ value: String?) {
        guard let value else {
            values.append(.null)
            return
        }
        let start = texts.count
        // Read in place, without a copy of the string (a retain, on a string another
        // thread made): imported rows come from validating threads.
        if value.utf8.withContiguousStorageIfAvailable({ texts.append(contentsOf: $0) }) == nil {
            texts.append(contentsOf: Array(value.utf8))
        }
        values.append(.text(start..<texts.count))
    }

    mutating func bind(_ number: Int64) {
        values.append(.integer(number))
    }

    /// Runs the statement to completion with the values bound since the last run.
    /// - Returns: how many rows it changed.
    /// - Throws: `StoreError.database` with SQLite's message when it fails.
    @discardableResult
    mutating func run() throws -> Int {
        defer {
            values.removeAll(keepingCapacity: true)
            texts.removeAll(keepingCapacity: true)
        }
        let (statement, connection, values) = (self.statement, self.connection, self.values)
        let failure = texts.withUnsafeBufferPointer { buffer -> String? in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            for (offset, value) in values.enumerated() {
                let index = CInt(offset + 1)
                switch value {
                case .null:
                    sqlite3_bind_null(statement, index)
                case .integer(let number):
                    sqlite3_bind_int64(statement, index, number)
                case .text(let range):
                    // An empty text needs a non-null pointer, or it would bind as NULL.
                    // No destructor (SQLITE_STATIC): SQLite reads the buffer in place.
                    if let base, !range.isEmpty {
                        sqlite3_bind_text(statement, index, base + range.lowerBound, CInt(range.count), nil)
                    } else {
                        sqlite3_bind_text(statement, index, "", 0, nil)
                    }
                }
            }
            let code = sqlite3_step(statement)
            let failure = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            // The buffer is about to be reused: SQLite must not keep pointers into it.
            sqlite3_clear_bindings(statement)
            return failure
        }
        if let failure { throw StoreError.database(failure) }
        return Int(sqlite3_changes(connection))
    }
}
