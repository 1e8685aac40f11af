import ArgumentParser
import BrandStandards
import Foundation
import Measures

/// `terroir brands lint [PATH ...]`: every problem of every standard, with its place.
struct BrandsLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check brand standards before they are published.",
        discussion: "Exit 1 when any error is found (or any warning, with --strict); 0 otherwise."
    )

    @Argument(help: "Brand files, brand folders, or folders of brands (default: Brands/).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "The folder brand marks live in (default: Assets/ beside each folder of brands).")
    var assets: String?

    func run() throws {
        let (entries, problems) = BrandDirectory.entries(for: paths.isEmpty ? ["Brands"] : paths)
        let linter = BrandLinter(assetsDirectory: assets.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let reports = entries.map { linter.lint($0.url, displayPath: $0.displayPath) }
        let diagnostics = problems + reports.flatMap(\.diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors

        switch format {
        case .json:
            try JSONOutput.print(LintOutput(
                brands: reports.compactMap { report in
                    report.standard.map { LintOutput.Brand(file: report.file, id: $0.id, version: $0.version, name: $0.name.en) }
                },
                diagnostics: diagnostics,
                errors: errors,
                warnings: warnings
            ))
        case .text:
            for problem in problems { print(DiagnosticText.render(problem)) }
            for report in reports {
                if let standard = report.standard {
                    let marker = report.hasWarnings ? "ok with warnings" : "ok"
                    print("\(report.file): \(marker): \(standard.id) \(standard.name.zh) / \(standard.name.en), version \(standard.version)")
                }
                for diagnostic in report.diagnostics { print(DiagnosticText.render(diagnostic)) }
            }
            let brands = reports.compactMap(\.standard?.id)
            print("checked \(entries.count) brand file(s): \(brands.count) brand(s) valid\(brands.isEmpty ? "" : " (\(brands.joined(separator: ", ")))"), \(errors) error(s), \(warnings) warning(s)")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// `brands lint --format json`.
struct LintOutput: Encodable {
    struct Brand: Encodable {
        let file: String
        let id: String
        let version: String
        let name: String
    }

    let brands: [Brand]
    let diagnostics: [Diagnostic]
    let errors: Int
    let warnings: Int
}
