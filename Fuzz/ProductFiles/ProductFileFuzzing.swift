import BrandStandards
import Foundation
import FuzzSupport
import ProductSpecs

/// Reads an input as a product file of one format and validates every row against
/// the Sihong standard, with and without leaving unknown columns out: findings and
/// file errors are fine, a crash or hang is not. Each row's fields and attributes
/// are read back, as writing them to the store would.
public struct ProductFileFuzzing {
    let file: URL
    let standard: BrandStandard
    let validator: ProductValidator

    public init(fileExtension: String) {
        file = scratchFile("products.\(fileExtension)")
        standard = BrandLinter().lint(repository.appendingPathComponent("Brands/sihong-4x/brand.yaml")).standard!
        validator = ProductValidator(standard: standard, today: .today(), producers: nil)
    }

    public func run(_ bytes: [UInt8]) {
        write(bytes, to: file)
        for options in [ImportOptions(), ImportOptions(ignoredColumns: ["备注"], ignoresUnknownColumns: true, keepsCells: true)] {
            do {
                let reader = try ProductFileReader(url: file, standard: standard, options: options)
                try reader.forEachRow { row in
                    let outcome = validator.validate(row.input)
                    _ = try? outcome.report.storedJSON()
                    _ = row.input.locate("net_content")
                }
                _ = reader.notices
            } catch {
                // A file refused as a whole is an answer too.
            }
        }
    }
}
