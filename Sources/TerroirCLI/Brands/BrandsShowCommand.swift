import ArgumentParser
import BrandStandards
import Foundation
import Measures

/// `terroir brands show ID`: a standard in a form a person can check, or its
/// canonical JSON.
struct BrandsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a brand standard: categories, attributes with bounds and units, label rules."
    )

    @Argument(help: "The brand's id (its folder name under the brands folder).")
    var id: String

    @Option(help: "Output format: text, or json for the canonical JSON form.")
    var format: OutputFormat = .text

    @Option(help: "The folder of brands.")
    var brands = "Brands"

    func run() throws {
        guard let url = BrandDirectory.file(ofBrand: id, in: brands) else {
            throw CLIError(zh: "在 \(brands)/ 中找不到品牌“\(id)”", en: "no brand “\(id)” in \(brands)/")
        }
        let report = BrandLinter().lint(url, displayPath: "\(brands)/\(id)/\(BrandDirectory.standardFileName)")
        guard let standard = report.standard else {
            for diagnostic in report.diagnostics { StandardError.write(DiagnosticText.render(diagnostic) + "\n") }
            StandardError.write("terroir: the standard has errors; fix them first (terroir brands lint)\n")
            throw ExitCode(1)
        }
        switch format {
        case .json: JSONOutput.printData(try standard.canonicalJSON())
        case .text: print(BrandSummary(standard: standard).text)
        }
    }
}
