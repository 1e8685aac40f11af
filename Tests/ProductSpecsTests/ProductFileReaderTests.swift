import BrandStandards
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

    @Test func aGB18030FileIsReadAndSaysSo() throws {
        // "sku,name_zh\nR1,泗洪大米\n" as GB18030 encodes it
        let gb18030 = Data("sku,name_zh\nR1,".utf8) + Data([0xE3, 0xF4, 0xBA, 0xE9, 0xB4, 0xF3, 0xC3, 0xD7, 0x0A])
        let reader = try ProductFileReader(url: try DemoStandards.temporaryFile("p.csv", gb18030), standard: Self.sihong)
        var names: [String?] = []
        try reader.forEachRow { names.append($0.input.field(.nameZh)) }
        #expect(names == ["泗洪大米"])
        #expect(reader.encoding == .gb18030)
        #expect(reader.notices.map(\.en) == ["read as GB18030 (GBK)"])
        #expect(reader.notices.map(\.zh) == ["按 GB18030 (GBK) 编码读取"])
    }

    @Test func chineseHeadersAndUnitNotesFindTheirColumns() throws {
        let csv = "货号,商品名称,品类,净含量（kg）,等级,Name EN\nR1,泗洪大米,rice,5,grade-1,Rice\nR2,米,rice,10斤,grade-2,\n"
        let rows = try Self.rows("p.csv", csv)
        #expect(rows.map { $0.input.field(.sku) } == ["R1", "R2"])
        #expect(rows[0].input.field(.nameEn) == "Rice")
        // A bare number takes the header's unit; a value with its own unit keeps it.
        #expect(rows.map { $0.input.attributes["net_content"] } == ["5 kg", "10斤"])
        #expect(rows[0].input.attributes["grade"] == "grade-1")
        #expect(rows[0].input.locate("net_content") == "column D (净含量（kg）)")
    }

    static func fileError(_ csv: String, options: ImportOptions = ImportOptions()) -> ImportFileError? {
        do {
            try ProductFileReader(url: try DemoStandards.temporaryFile("p.csv", Data(csv.utf8)), standard: sihong, options: options).forEachRow { _ in }
            return nil
        } catch { return error as? ImportFileError }
    }

    @Test func everyUnknownHeaderIsReportedAtOnceWithTheNearestName() throws {
        let error = try #require(Self.fileError("sku,商品名陈,等极,备注,flavour\nR1,米,grade-1,,\n"))
        #expect(error.code == "csv.unknown_column")
        #expect(error.message.en.contains("column B “商品名陈”: did you mean “商品名称” (name_zh)?"))
        #expect(error.message.en.contains("column C “等极”: did you mean “等级” (grade)?"))
        #expect(error.message.en.contains("column D “备注” is neither a product field nor an attribute"))
        #expect(error.message.en.contains("column E “flavour”"))
        #expect(error.message.zh.contains("B 列“商品名陈”：是否应为“商品名称”（name_zh）？"))
        #expect(error.message.zh.contains("--ignore-unknown-columns"))
    }

    @Test func columnsCanBeLeftOutByNameOrAllUnknownOnes() throws {
        let csv = "sku,name_zh,备注,flavour\nR1,米,送礼佳品,sweet\n"
        #expect(Self.fileError(csv, options: ImportOptions(ignoredColumns: ["备注"]))?.message.en.contains("“flavour”") == true)
        let reader = try ProductFileReader(url: try DemoStandards.temporaryFile("p.csv", Data(csv.utf8)), standard: Self.sihong,
                                           options: ImportOptions(ignoredColumns: ["备注"], ignoresUnknownColumns: true))
        var rows: [ImportRow] = []
        try reader.forEachRow { rows.append($0) }
        #expect(rows.first?.input.attributes.isEmpty == true)
        #expect(reader.notices.map(\.en) == ["left out column C “备注”", "left out column D “flavour”"])
        let misnamed = try ProductFileReader(url: try DemoStandards.temporaryFile("p.csv", Data(csv.utf8)), standard: Self.sihong,
                                             options: ImportOptions(ignoredColumns: ["备注", "说明栏"], ignoresUnknownColumns: true))
        #expect(misnamed.notices.last?.en == "no column “说明栏” in the header to leave out (--ignore-column)")
    }

    @Test func aColumnNamedTwiceOrAValueUnderNoHeaderIsRefused() throws {
        #expect(Self.fileError("sku,货号\nR1,R1\n")?.code == "csv.duplicate_column")
        #expect(Self.fileError("sku,货号\nR1,R1\n")?.message.en.contains("columns A and B “货号” both name “sku”") == true)
        // Trailing columns without a header, as spreadsheets save them, are fine while empty.
        #expect(Self.fileError("sku,name_zh,,\nR1,米,,\n") == nil)
        #expect(Self.fileError("sku,name_zh,,\nR1,米,,x\n")?.message.en == "line 2 has a value in column D, which has no header: name the column, or clear it")
        #expect(Self.fileError("货号,名称\nR1,米\n") == nil)
        #expect(Self.fileError("名称\n米\n")?.code == "csv.missing_column")
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
