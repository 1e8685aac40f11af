@testable import CatalogStore
import Foundation
import GRDB
import Testing

/// Migrations that rebuild a table must keep what the table held.
struct MigrationTests {
    static let objectAttributes = #"[{"id":"net_content","entered":"10斤","kind":"quantity","value":"10","unit":"jin.mainland"},"#
        + #"{"id":"variety","entered":"南粳9108","kind":"text","value":"南粳9108"}]"#

    @Test func rebuildingTheProductTableAndChangeLogKeepsRowsIdsReferencesAndSequencesAndCompactsAttributes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("db.sqlite").path)
        try Migrations.migrator.migrate(queue, upTo: "v3: API keys and scan counts")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO producer (id, name_zh, name_en, uscc, admin_code, status, created_at, updated_at)
                VALUES ('farm', '农场', 'Farm', '91321324MA1N2K3L4H', '321324101', 'active', 't', 't');
                INSERT INTO signing_key (brand_id, secret, created_at) VALUES ('sihong-4x', x'00', 't');
                """)
            for (id, sku) in [(1, "A"), (2, "B"), (5, "C")] {
                try db.execute(sql: """
                    INSERT INTO product (id, brand_id, producer_id, sku, gtin, name_zh, name_en, category_id, attributes, availability,
                        status, standard_version, report, created_at, updated_at)
                    VALUES (?, 'sihong-4x', 'farm', ?, '06901234567892', '大米', 'Rice', 'rice', '[]', 'in_stock', 'certified', 1, '{}', 't', 't')
                    """, arguments: [id, sku])
            }
            try db.execute(sql: "UPDATE product SET attributes = ? WHERE id = 2", arguments: [Self.objectAttributes])
            try db.execute(sql: """
                INSERT INTO change_log (seq, product_id, brand_id, event, exportable, at) VALUES
                    (10, 1, 'sihong-4x', 'insert', 0, 't'), (11, 2, 'sihong-4x', 'status', 1, 't')
                """)
            // Products 6 and 7 existed once and were deleted: their ids stay spent.
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = 7 WHERE name = 'product'")
            try db.execute(sql: """
                INSERT INTO label_batch (product_id, brand_id, gtin, lot, first_serial, count, size, dpi, format, standard_version,
                    key_id, job_json, issuer, issued_at)
                VALUES (2, 'sihong-4x', '06901234567892', 'L1', 1, 10, '50x30', 300, 'png', 1, 1, '{}', 'test', 't')
                """)
        }

        try Migrations.migrator.migrate(queue)

        try queue.write { db in
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM product ORDER BY id") == [1, 2, 5])
            #expect(try String.fetchAll(db, sql: "SELECT sku FROM product ORDER BY id") == ["A", "B", "C"])
            #expect(try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'product'") == 7)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // Attribute lists kept as objects are rewritten as arrays, with the same values.
            let attributes = try String.fetchOne(db, sql: "SELECT attributes FROM product WHERE id = 2")!
            #expect(attributes == #"[["net_content","10斤","quantity","10","jin.mainland"],["variety","南粳9108","text"]]"#)
            #expect(ProductRowCoding.decodeAttributes(attributes) == ProductRowCoding.decodeAttributes(Self.objectAttributes))
            #expect(try String.fetchOne(db, sql: "SELECT attributes FROM product WHERE id = 1") == "[]")
            #expect(try String.fetchAll(db, sql: "SELECT seq || ' ' || event FROM change_log ORDER BY seq") == ["10 insert", "11 status"])
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO change_log (product_id, brand_id, event, exportable, at) VALUES (1, 'b', 'renamed', 0, 't')")
            }
            try db.execute(sql: "INSERT INTO change_log (product_id, brand_id, event, exportable, at) VALUES (1, 'b', 'update', 0, 't')")
            #expect(db.lastInsertedRowID == 12)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'product' ORDER BY name")
            #expect(indexes.contains("product_brand") && indexes.contains("product_gtin"))
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'product_rebuilt%'").isEmpty)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_sequence WHERE name LIKE 'product_rebuilt%'").isEmpty)

            let insert = """
                INSERT INTO product (brand_id, producer_id, sku, name_zh, name_en, category_id, attributes, availability,
                    status, standard_version, report, created_at, updated_at)
                VALUES ('sihong-4x', 'farm', ?, '大米', 'Rice', 'rice', '[]', 'in_stock', ?, 1, '{}', 't', 't')
                """
            try db.execute(sql: insert, arguments: ["D", "draft"])
            #expect(db.lastInsertedRowID == 8)
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["E", "approved"]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["A", "draft"]) }
        }
    }

    /// v5 is frozen: what it writes for a list is fixed here, whatever the store's
    /// writer of attribute lists becomes. Escapes, a decimal whose value is not its
    /// entered text, a quantity, and a list that is already arrays.
    @Test func migrationV5WritesWhatItWroteWhenItLanded() {
        let objects = #"[{"id":"note","entered":"a\"b\\c\u0001\t中","kind":"text","value":"a\"b\\c\u0001\t中"},"#
            + #"{"id":"moisture","entered":"14.5 ","kind":"decimal","value":"14.5"},"#
            + #"{"id":"weight","entered":"4两","kind":"quantity","value":"4","unit":"liang.mainland","canonical":"0.2","canonical_unit":"kg"}]"#
        #expect(AttributeListV5.rewrite(objects)
            == #"[["note","a\"b\\c\u0001\t中","text"],["moisture","14.5 ","decimal","14.5"],["weight","4两","quantity","4","liang.mainland"]]"#)
        let arrays = #"[["variety","南粳9108","text"]]"#
        #expect(AttributeListV5.rewrite(arrays) == arrays)
        #expect(AttributeListV5.rewrite(#"[{"id":"x"}]"#) == nil)
        #expect(AttributeListV5.rewrite("not json") == nil)
    }
}
