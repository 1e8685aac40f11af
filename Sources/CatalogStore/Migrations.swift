import GRDB
import ProductSpecs

/// The store's schema, one migration at a time. A migration that has landed is never
/// edited: add a new one.
enum Migrations {
    /// The migration that rebuilds the product table.
    static let productTableRebuild = "v4: product status and change events checked without a temporary table per insert"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: standards, producers, products, change and audit logs") { db in
            try db.execute(sql: """
                CREATE TABLE standard_version (
                    brand_id TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    canonical_json TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    published_by TEXT NOT NULL,
                    PRIMARY KEY (brand_id, number)
                ) STRICT;

                CREATE TABLE producer (
                    id TEXT PRIMARY KEY,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    uscc TEXT NOT NULL UNIQUE,
                    admin_code TEXT NOT NULL,
                    address_zh TEXT,
                    address_en TEXT,
                    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
                    status_reason TEXT,
                    valid_from TEXT,
                    valid_to TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;

                CREATE TABLE producer_authorisation (
                    producer_id TEXT NOT NULL REFERENCES producer(id) ON DELETE CASCADE,
                    brand_id TEXT NOT NULL,
                    category_id TEXT NOT NULL,
                    PRIMARY KEY (producer_id, brand_id, category_id)
                ) STRICT;

                CREATE TABLE producer_status_change (
                    id INTEGER PRIMARY KEY,
                    producer_id TEXT NOT NULL REFERENCES producer(id),
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    reason TEXT,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;

                CREATE TABLE product (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    brand_id TEXT NOT NULL,
                    producer_id TEXT NOT NULL REFERENCES producer(id),
                    sku TEXT NOT NULL,
                    gtin TEXT,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    description TEXT,
                    category_id TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    origin TEXT,
                    outlet TEXT,
                    price TEXT,
                    availability TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'compliant', 'non_compliant', 'certified', 'withdrawn')),
                    standard_version INTEGER NOT NULL,
                    report TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (producer_id, sku)
                ) STRICT;
                CREATE INDEX product_brand ON product(brand_id, status);

                -- Rows are never deleted, so the rowid alone is strictly increasing: no
                -- AUTOINCREMENT bookkeeping on every write.
                CREATE TABLE change_log (
                    seq INTEGER PRIMARY KEY,
                    product_id INTEGER NOT NULL,
                    brand_id TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event IN ('insert', 'update', 'status', 'delete')),
                    exportable INTEGER NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;

                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    details TEXT NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v2: signing keys, serial counters and label batches") { db in
            try db.execute(sql: """
                CREATE TABLE signing_key (
                    id INTEGER PRIMARY KEY,
                    brand_id TEXT NOT NULL,
                    secret BLOB NOT NULL,
                    created_at TEXT NOT NULL,
                    retired_at TEXT
                ) STRICT;

                CREATE TABLE serial_counter (
                    gtin TEXT PRIMARY KEY,
                    next_serial INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE label_batch (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    product_id INTEGER NOT NULL REFERENCES product(id),
                    brand_id TEXT NOT NULL,
                    gtin TEXT NOT NULL,
                    lot TEXT NOT NULL,
                    first_serial INTEGER NOT NULL,
                    count INTEGER NOT NULL CHECK (count > 0),
                    size TEXT NOT NULL,
                    dpi INTEGER NOT NULL,
                    format TEXT NOT NULL,
                    standard_version INTEGER NOT NULL,
                    key_id INTEGER NOT NULL REFERENCES signing_key(id),
                    job_json TEXT NOT NULL,
                    issuer TEXT NOT NULL,
                    issued_at TEXT NOT NULL,
                    completed_at TEXT
                ) STRICT;
                CREATE INDEX label_batch_serials ON label_batch(gtin, first_serial);
                """)
        }
        migrator.registerMigration("v3: API keys and scan counts") { db in
            try db.execute(sql: """
                CREATE TABLE api_key (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('officer', 'producer', 'station', 'platform')),
                    scope TEXT NOT NULL,
                    secret_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    revoked_at TEXT
                ) STRICT;

                CREATE TABLE scan (
                    gtin TEXT NOT NULL,
                    lot TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    first_at TEXT NOT NULL,
                    last_at TEXT NOT NULL,
                    PRIMARY KEY (gtin, lot, serial)
                ) STRICT;
                CREATE INDEX product_gtin ON product(gtin);
                """)
        }
        migrator.registerMigration(productTableRebuild) { db in
            // `status IN (five values)` made SQLite build a temporary b-tree for every
            // row written, about a third of an import's insert time. The same check as
            // comparisons costs nothing. SQLite cannot alter a constraint, so the table
            // is rebuilt (its ids and AUTOINCREMENT high-water mark kept), and its GTIN
            // index becomes partial; so is the change log (its sequence numbers kept).
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'product'")
            try db.execute(sql: """
                CREATE TABLE product_rebuilt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    brand_id TEXT NOT NULL,
                    producer_id TEXT NOT NULL REFERENCES producer(id),
                    sku TEXT NOT NULL,
                    gtin TEXT,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    description TEXT,
                    category_id TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    origin TEXT,
                    outlet TEXT,
                    price TEXT,
                    availability TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status = 'draft' OR status = 'compliant' OR status = 'non_compliant'
                        OR status = 'certified' OR status = 'withdrawn'),
                    standard_version INTEGER NOT NULL,
                    report TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (producer_id, sku)
                ) STRICT;
                INSERT INTO product_rebuilt SELECT * FROM product;
                DROP TABLE product;
                ALTER TABLE product_rebuilt RENAME TO product;
                CREATE INDEX product_brand ON product(brand_id, status);
                -- Only products with a GTIN: most are registered without one, and the
                -- lookups (`gtin = ?`) never ask for those.
                CREATE INDEX product_gtin ON product(gtin) WHERE gtin IS NOT NULL;

                -- The change log's event check had the same cost, for each row an import logs.
                CREATE TABLE change_log_rebuilt (
                    seq INTEGER PRIMARY KEY,
                    product_id INTEGER NOT NULL,
                    brand_id TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event = 'insert' OR event = 'update' OR event = 'status' OR event = 'delete'),
                    exportable INTEGER NOT NULL,
                    at TEXT NOT NULL
                ) STRICT;
                INSERT INTO change_log_rebuilt SELECT * FROM change_log;
                DROP TABLE change_log;
                ALTER TABLE change_log_rebuilt RENAME TO change_log;
                """)
            if let sequence {
                try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'product'")
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('product', ?)", arguments: [sequence])
            }
        }
        migrator.registerMigration("v5: attribute lists stored as arrays") { db in
            // Half the bytes of the objects stored before, which an import writes
            // (and a checkpoint copies) for every row. Rewritten here so that stored
            // text stays comparable with what a new import writes: importing an
            // unchanged file again must change nothing.
            var last: Int64 = 0
            while true {
                let rows = try Row.fetchAll(db, sql: "SELECT id, attributes FROM product WHERE id > ? ORDER BY id LIMIT 1000", arguments: [last])
                guard let final = rows.last else { break }
                for row in rows {
                    let (id, text): (Int64, String) = (row[0], row[1])
                    guard let stored = AttributeListV5.rewrite(text) else {
                        throw StoreError.database("product \(id) has a corrupt attribute list")
                    }
                    if stored != text {
                        try db.execute(sql: "UPDATE product SET attributes = ? WHERE id = ?", arguments: [stored, id])
                    }
                }
                last = final[0]
            }
        }
        migrator.registerMigration("v6: the audit log as a hash chain") { db in
            try db.execute(sql: """
                ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
                ALTER TABLE audit_log ADD COLUMN hash TEXT;
                """)
            // Version 1 of the chain is frozen (see AuditChain), so calling it here
            // chains old entries exactly as new ones are chained.
            try AuditChain.chainAll(db)
        }
        migrator.registerMigration("v7: which standard version each brand has applied, and whether it is closed") { db in
            // Until now every published version was in force at once and applied by
            // publishing it: start from there, open.
            try db.execute(sql: """
                CREATE TABLE brand_state (
                    brand_id TEXT PRIMARY KEY,
                    applied_version INTEGER NOT NULL,
                    closed INTEGER NOT NULL CHECK (closed = 0 OR closed = 1)
                ) STRICT;
                INSERT INTO brand_state (brand_id, applied_version, closed)
                SELECT brand_id, MAX(number), 0 FROM standard_version GROUP BY brand_id;
                """)
        }
        migrator.registerMigration("v8: voided label serials") { db in
            try db.execute(sql: """
                CREATE TABLE label_void (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    batch_id INTEGER NOT NULL REFERENCES label_batch(id),
                    first_serial INTEGER NOT NULL,
                    last_serial INTEGER NOT NULL CHECK (last_serial >= first_serial),
                    reason TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    voided_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX label_void_batch ON label_void(batch_id, first_serial);
                """)
        }
        migrator.registerMigration("v9: printed label serials") { db in
            // A batch completed before this version had every file written: printed.
            try db.execute(sql: """
                CREATE TABLE label_print (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    batch_id INTEGER NOT NULL REFERENCES label_batch(id),
                    first_serial INTEGER NOT NULL,
                    last_serial INTEGER NOT NULL CHECK (last_serial >= first_serial),
                    via TEXT NOT NULL CHECK (via IN ('files', 'file')),
                    printed_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX label_print_batch ON label_print(batch_id, first_serial);
                INSERT INTO label_print (batch_id, first_serial, last_serial, via, printed_at)
                SELECT id, first_serial, first_serial + count - 1, 'files', completed_at FROM label_batch WHERE completed_at IS NOT NULL;
                """)
        }
        migrator.registerMigration("v10: label batches handed off to print shops") { db in
            // One row per hand-off; the batch is locked while its latest row is not unlocked.
            try db.execute(sql: """
                CREATE TABLE label_hand_off (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    batch_id INTEGER NOT NULL REFERENCES label_batch(id),
                    manifest_sha256 TEXT NOT NULL,
                    handed_off_by TEXT NOT NULL,
                    handed_off_at TEXT NOT NULL,
                    unlocked_by TEXT,
                    unlocked_at TEXT,
                    unlock_reason TEXT
                ) STRICT;
                CREATE UNIQUE INDEX label_hand_off_locked ON label_hand_off(batch_id) WHERE unlocked_at IS NULL;
                """)
        }
        migrator.registerMigration("v11: commitment certificates") { db in
            // A certificate as printed; its copies are the serials of its label batch,
            // voided through label_void like any label's.
            try db.execute(sql: """
                CREATE TABLE certificate (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    batch_id INTEGER NOT NULL UNIQUE REFERENCES label_batch(id),
                    brand_id TEXT NOT NULL,
                    product_id INTEGER NOT NULL REFERENCES product(id),
                    commitment TEXT NOT NULL,
                    basis TEXT NOT NULL,
                    report_number TEXT,
                    quantity_entered TEXT NOT NULL,
                    quantity TEXT NOT NULL,
                    product_name_zh TEXT NOT NULL,
                    product_name_en TEXT NOT NULL,
                    origin_zh TEXT NOT NULL,
                    origin_en TEXT NOT NULL,
                    issuer_name_zh TEXT NOT NULL,
                    issuer_name_en TEXT NOT NULL,
                    issuer_uscc TEXT NOT NULL,
                    contact TEXT NOT NULL,
                    issued_on TEXT NOT NULL
                ) STRICT;
                CREATE INDEX certificate_brand ON certificate(brand_id, issued_on);
                """)
        }
        migrator.registerMigration("v12: scans per day, counterfeit attempts and reports of fakes") { db in
            // What the resolver learns from people's scans, with nothing about who
            // scanned: no address, no device. Scans per day count from this version
            // on; `scan` keeps every label's total and first scan as before. Scans of
            // one forged code between two writes are one row with their count, so a
            // flood of the same code cannot fill the disk.
            try db.execute(sql: """
                CREATE TABLE scan_day (
                    gtin TEXT NOT NULL,
                    lot TEXT NOT NULL,
                    day TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (gtin, lot, day)
                ) STRICT;
                CREATE TABLE counterfeit_attempt (
                    id INTEGER PRIMARY KEY,
                    gtin TEXT NOT NULL,
                    lot TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('never_issued', 'wrong_lot', 'forged_signature')),
                    at TEXT NOT NULL,
                    count INTEGER NOT NULL DEFAULT 1 CHECK (count > 0)
                ) STRICT;
                CREATE INDEX counterfeit_attempt_gtin ON counterfeit_attempt(gtin, lot, at);
                CREATE TABLE fake_report (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    gtin TEXT NOT NULL,
                    lot TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    note TEXT NOT NULL,
                    contact TEXT,
                    reported_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX fake_report_gtin ON fake_report(gtin, reported_at);
                """)
        }
        migrator.registerMigration("v13: people who sign in to the console") { db in
            // A person's password only as a bcrypt hash; a one-time password must be
            // changed at the first sign-in; failed sign-ins lock the account for a while.
            try db.execute(sql: """
                CREATE TABLE person (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    login TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('officer', 'producer', 'station')),
                    scope TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    must_change_password INTEGER NOT NULL,
                    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    disabled_at TEXT
                ) STRICT;
                """)
        }
        return migrator
    }
}
