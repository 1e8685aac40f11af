import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// `terroir products template --brand ID --out FILE`: a CSV to fill in, with the
/// brand's columns (the published standard's), their units and one example row per
/// category.
struct ProductsTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a products CSV template for a brand: its columns, their units, an example row per category.",
        discussion: """
        Headers are in Chinese, English or both (the default); each is one the import reads back. \
        Fill in the producer (or import with --producer), replace the example rows, and import the file as it is.
        """
    )

    enum HeaderLanguage: String, ExpressibleByArgument, CaseIterable {
        case zh, en, both
    }

    @Option(help: "The brand whose columns the template has.") var brand: String
    @Option(help: "Only this category's columns and example (repeatable).") var category: [String] = []
    @Option(help: "Header language: zh, en or both.") var lang: HeaderLanguage = .both
    @Option(help: "The file to write.") var out: String
    @Flag(help: "For Excel and WPS: a UTF-8 byte-order mark, so that Chinese opens correctly.") var excel = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try OutputFile.check(out)
        let catalog = try store.open()
        let published = try PublishedBrand.current(brand, in: catalog)
        let template: ProductTemplate
        do {
            template = try ProductTemplate(standard: published.standard, categories: category, language: ProductTemplate.Language(rawValue: lang.rawValue)!)
        } catch {
            throw CLIError(message: error.message)
        }
        let file = try OutputFile(path: out)
        do {
            var text = excel ? "\u{FEFF}" : ""
            text += CSVWriter.row(template.header)
            for row in template.rows { text += CSVWriter.row(row) }
            try file.write(Array(text.utf8))
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        print("\(out): \(template.header.count) column(s), \(template.rows.count) example row(s) of \(brand) \(published.standard.version)")
        print("    \(template.header.count) 列，\(template.rows.count) 个示例行；填写生产者并替换示例行后即可导入")
    }
}
