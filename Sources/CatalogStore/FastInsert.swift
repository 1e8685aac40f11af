import GRDB
import GRDBSQLite

/// Binds and runs a prepared statement through SQLite's C API, for the one hot path
/// where GRDB's argument boxing showed in profiles: writing imported rows. Values
/// are bound in order, every parameter each time; the statement is reset before
/// each use.
struct FastInsert {
    private let statement: SQLiteStatement
    private let connection: OpaquePointer
    private var index: CInt = 0

    /// SQLite copies bound text at once (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection!
        sqlite3_reset(self.statement)
    }

    mutating func bind(_ value: String?) {
        index += 1
        let index = self.index, statement = self.statement
        guard var text = value else {
            sqlite3_bind_null(statement, index)
            return
        }
        guard !text.isEmpty else {
            // An empty string needs a non-null pointer, or it would bind as NULL.
            sqlite3_bind_text(statement, index, "", 0, nil)
            return
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                _ = sqlite3_bind_text(statement, index, characters.baseAddress, CInt(characters.count), Self.transient)
            }
        }
    }

    mutating func bind(_ number: Int64) {
        index += 1
        sqlite3_bind_int64(statement, index, number)
    }

    /// Runs the statement to completion.
    /// - Throws: `StoreError.database` with SQLite's message when it fails.
    func run() throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw StoreError.database(message)
        }
        sqlite3_reset(statement)
    }
}
