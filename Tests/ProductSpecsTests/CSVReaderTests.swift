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

    @Test(arguments: [1, 2, 1 << 20])
    func bytesThatAreNotUTF8AreRefusedWithTheirLine(chunkSize: Int) throws {
        let data = Data("a,b\nx,".utf8) + Data([0xE3, 0xF4, 0xBA, 0xE9]) + Data("\n".utf8)
        var reader = try CSVReader(url: try DemoStandards.temporaryFile("g.csv", data), chunkSize: chunkSize)
        _ = try reader.nextRecord()
        #expect(throws: CSVReader.Problem.notUTF8(line: 2, looksLikeGB18030: true)) { try reader.nextRecord() }
    }
}
