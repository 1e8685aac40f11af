import BrandStandards
import Foundation
import ProductSpecs
import Testing

struct ValidatingReaderTests {
    static let sihong = DemoStandards.standard("sihong-4x")

    static func file(rows: Int, brokenAt broken: Int? = nil) throws -> URL {
        var text = "sku,category,name_zh,origin,net_content,grade,moisture,variety\n"
        for index in 0..<rows {
            text += index == broken ? "S\(index),rice,\"米\n" : "S\(index),rice,米,321324101,\(index % 50 + 1)斤,grade-1,14%,南粳9108\n"
        }
        return try DemoStandards.temporaryFile("rows.csv", Data(text.utf8))
    }

    /// A reader whose `prepare` gives each compliant product's SKU, to show it ran for that row.
    static func reader(_ url: URL, workers: Int) throws -> ValidatingReader<String> {
        let validator = ProductValidator(standard: sihong, today: CalendarDay("2026-11-29")!, producers: nil)
        return ValidatingReader(reader: try ProductFileReader(url: url, standard: sihong), validator: validator,
                                defaultProducer: nil, batchSize: 7, capacity: 3, workers: workers) { product, _ in product.sku }
    }

    @Test(arguments: [1, 2, 4])
    func rowsArriveInFileOrderWithTheirOutcomes(workers: Int) throws {
        var skus: [String] = []
        try Self.reader(try Self.file(rows: 500), workers: workers).forEachRow { row in
            skus.append(row.outcome.product?.sku ?? "?")
            #expect(row.outcome.report.isCompliant)
            #expect(row.prepared == row.outcome.product?.sku)
        }
        #expect(skus == (0..<500).map { "S\($0)" })
    }

    @Test func aMalformedFileFailsAfterTheRowsBeforeIt() throws {
        var seen = 0
        #expect(throws: ImportFileError.self) {
            try Self.reader(try Self.file(rows: 300, brokenAt: 200), workers: 2).forEachRow { _ in seen += 1 }
        }
        #expect(seen <= 200)
    }

    @Test func aFailingConsumerStopsTheReaders() throws {
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try Self.reader(try Self.file(rows: 2000), workers: 2).forEachRow { _ in
                seen += 1
                if seen == 10 { throw Enough() }
            }
        }
        #expect(seen == 10)
    }
}
