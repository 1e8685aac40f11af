import Foundation
import ProductSpecs
import Testing

/// The CSV reader scans runs of bytes within each chunk it reads: records must come
/// out the same wherever the chunks happen to split them.
struct CSVReaderTests {
    static let text = "\u{FEFF}sku,name_zh,description\r\n"
        + "R1,\"大米, 5 公斤\",\"说 \"\"好\"\"\nsecond line\"\r\n"
        + "\r\n"
        + "R2,泗洪大米,,\r\n"
        + "R3,\"\",\"a\"\"\"\n"
        + "R4,ends without a break"
    static let expected: [(Int, [String])] = [
        (1, ["sku", "name_zh", "description"]),
        (2, ["R1", "大米, 5 公斤", "说 \"好\"\nsecond line"]),
        (5, ["R2", "泗洪大米", "", ""]),
        (6, ["R3", "", "a\""]),
        (7, ["R4", "ends without a break"]),
    ]

    static func records(_ text: String, chunkSize: Int) throws -> [(Int, [String])] {
        var reader = try CSVReader(url: try DemoStandards.temporaryFile("c.csv", Data(text.utf8)), chunkSize: chunkSize)
        var records: [(Int, [String])] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return records
    }

    @Test(arguments: Array(1...17) + [1 << 20])
    func recordsDoNotDependOnWhereChunksSplit(chunkSize: Int) throws {
        let records = try Self.records(Self.text, chunkSize: chunkSize)
        #expect(records.map(\.0) == Self.expected.map(\.0))
        #expect(records.map(\.1) == Self.expected.map(\.1))
    }

    @Test(arguments: [1, 3, 1 << 20])
    func malformedQuotesAreRefusedWithTheirLine(chunkSize: Int) throws {
        #expect(throws: CSVReader.Problem.strayQuote(line: 2)) { try Self.records("a,b\nx,y\"z\n", chunkSize: chunkSize) }
        #expect(throws: CSVReader.Problem.strayQuote(line: 2)) { try Self.records("a,b\n\"x\"y\"\n", chunkSize: chunkSize) }
        #expect(throws: CSVReader.Problem.unterminatedQuote(line: 2)) { try Self.records("a,b\nx,\"y\n\n", chunkSize: chunkSize) }
    }

    /// The text in another encoding, by the system's iconv: an encoder independent of
    /// the reader's decoders.
    static func encoded(_ text: String, as encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return data
    }

    static func records(_ data: Data, chunkSize: Int) throws -> (records: [(Int, [String])], encoding: TextEncoding?) {
        var reader = CSVReader(bytes: [UInt8](data), chunkSize: chunkSize)
        var records: [(Int, [String])] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return (records, reader.encoding)
    }

    /// The same records from GB18030 and UTF-16 files, wherever chunks split a
    /// character or a code unit: `iconv -t UTF-16` writes a byte-order mark, the
    /// `LE`/`BE` forms none.
    @Test(arguments: [("GB18030", TextEncoding.gb18030), ("UTF-16", .utf16LittleEndian), ("UTF-16LE", .utf16LittleEndian), ("UTF-16BE", .utf16BigEndian)], [1, 2, 3, 5, 7, 64, 1 << 20])
    func otherEncodingsGiveTheSameRecords(encoding: (name: String, expected: TextEncoding), chunkSize: Int) throws {
        let text = String(Self.text.dropFirst())  // without the UTF-8 mark
        let (records, found) = try Self.records(try Self.encoded(text, as: encoding.name), chunkSize: chunkSize)
        #expect(found == encoding.expected)
        #expect(records.map(\.0) == Self.expected.map(\.0))
        #expect(records.map(\.1) == Self.expected.map(\.1))
    }

    @Test func aTabSeparatedUTF16FileIsRead() throws {
        let (records, found) = try Self.records(try Self.encoded("sku\tname_zh\nR1\t大米,5 公斤\n", as: "UTF-16"), chunkSize: 1 << 20)
        #expect(found == .utf16LittleEndian)
        #expect(records.map(\.1) == [["sku", "name_zh"], ["R1", "大米,5 公斤"]])
    }

    @Test(arguments: [1, 2, 1 << 20])
    func cellsNotInTheFilesEncodingAreRefusedWithTheirLineAndColumn(chunkSize: Int) throws {
        // GBK text, then a UTF-8 cell on line 3 that is no GB18030.
        let mixed = try Self.encoded("a,b\nx,大米\n", as: "GB18030") + Data("y,z,中\n".utf8)
        #expect(throws: CSVReader.Problem.undecodable(line: 3, column: 2, encoding: .gb18030)) { try Self.records(mixed, chunkSize: chunkSize) }
        // UTF-8, then bytes that are not.
        let broken = Data("a,b\nx,大米\ny,".utf8) + Data([0xFF, 0xFE, 0x41]) + Data("\n".utf8)
        #expect(throws: CSVReader.Problem.undecodable(line: 3, column: 1, encoding: .utf8)) { try Self.records(broken, chunkSize: chunkSize) }
        // A lone surrogate in UTF-16.
        var utf16 = try Self.encoded("a,b\nx,y", as: "UTF-16LE")
        utf16 += Data([0x00, 0xD8]) + (try Self.encoded("\n", as: "UTF-16LE"))
        #expect(throws: CSVReader.Problem.undecodable(line: 2, column: 1, encoding: .utf16LittleEndian)) { try Self.records(utf16, chunkSize: chunkSize) }
    }

    @Test func bytesThatReadBothWaysAreRefusedWithBothReadings() throws {
        // “café” in UTF-8 is C3 A9 at the end, also a GB18030 character.
        let data = Data("sku,name_en\nR1,caf".utf8) + Data([0xC3, 0xA9]) + Data("\n".utf8)
        #expect(throws: CSVReader.Problem.ambiguousEncoding(line: 2, column: 1, asUTF8: "café", asGB18030: "caf茅")) { try Self.records(data, chunkSize: 1 << 20) }
        // With Chinese (three-byte UTF-8) in the file, it is UTF-8.
        let chinese = Data("sku,name_zh,name_en\nR1,大米,caf".utf8) + Data([0xC3, 0xA9]) + Data("\n".utf8)
        #expect(try Self.records(chinese, chunkSize: 1 << 20).records.last?.1 == ["R1", "大米", "café"])
        #expect(throws: CSVReader.Problem.undecodable(line: 2, column: 1, encoding: nil)) { try Self.records(Data("a,b\nx,\u{1}".utf8) + Data([0xFF, 0xFF]), chunkSize: 1 << 20) }
    }
}
