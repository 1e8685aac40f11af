import Foundation
import Measures
import ProductSpecs
import Testing

struct ProductFileReaderTests {
    static let sihong = DemoStandards.standard("sihong-4x")

    static func rows(_ name: String, _ text: String) throws -> [ImportRow] {
        try rows(name, Data(text.utf8))
    }

    static func rows(_ name: String, _ data: Data) throws -> [ImportRow] {
        var rows: [ImportRow] = []
        try ProductFileReader(url: try DemoStandards.temporaryFile(name, data), standard: sihong).forEachRow { rows.append($0) }
        return rows
    }

    @Test func readsQuotedCellsBOMAndCRLF() throws {
        let csv = "\u{FEFF}sku,name_zh,description,net_content\r\nR1,\"大米, 5 公斤\",\"说 \"\"好\"\"\nsecond line\",5kg\r\n\r\nR2,米,,10斤\r\n"
        let rows = try Self.rows("p.csv", csv)
        #expect(rows.map(\.number) == [2, 5])
        #expect(rows[0].input.fields["name_zh"] == "大米, 5 公斤")
        #expect(rows[0].input.fields["description"] == "说 \"好\"\nsecond line")
        #expect(rows[1].input.attributes["net_content"] == "10斤")
        #expect(rows[1].input.locate("net_content") == "column D (net_content)")
    }

    @Test func anUnknownColumnRefusesTheFile() {
        #expect(throws: ImportFileError.self) { try Self.rows("p.csv", "sku,name_zh,flavour\nR1,米,sweet\n") }
        do { _ = try Self.rows("p.csv", "sku,name_zh,flavour\nR1,米,sweet\n") } catch let error as ImportFileError {
            #expect(error.code == "csv.unknown_column")
            #expect(error.message.en.contains("column C “flavour”"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func aGB18030FileIsRecognisedAndRefused() throws {
        // "sku,name_zh\nR1,泗洪大米\n" as GB18030 encodes it
        let gb18030 = Data("sku,name_zh\nR1,".utf8) + Data([0xE3, 0xF4, 0xBA, 0xE9, 0xB4, 0xF3, 0xC3, 0xD7, 0x0A])
        do {
            _ = try Self.rows("p.csv", gb18030)
            Issue.record("a GB18030 file was read")
        } catch let error as ImportFileError {
            #expect(error.code == "file.encoding")
            #expect(error.line == 2)
            #expect(error.message.en.contains("GB18030"))
        }
    }

    @Test func readsJSONArraysAndNDJSON() throws {
        let json = #"[{"sku": "R1", "name_zh": "米", "attributes": {"net_content": "5kg"}}, {"sku": "R2", "moisture": 14.5}]"#
        let rows = try Self.rows("p.json", json)
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[0].input.locate("net_content") == "/0/attributes/net_content")
        #expect(rows[1].input.attributes["moisture"] == "14.5")
        let ndjson = try Self.rows("p.ndjson", "{\"sku\": \"R1\"}\n\n{\"sku\": \"R2\", \"gtin\": \"6901234567892\"}\n")
        #expect(ndjson.map(\.number) == [1, 3])
        #expect(throws: ImportFileError.self) { try Self.rows("p.ndjson", "{\"sku\": \"R1\"}\n{oops\n") }
    }

    @Test func anUnclosedQuoteIsAFileError() {
        #expect(throws: ImportFileError.self) { try Self.rows("p.csv", "sku,name_zh\nR1,\"米\n") }
    }
}
