import Foundation
import Measures
import Yams

/// Reads brand files and checks them before they are published: every problem of a
/// file in one pass, each with its position and a stable rule code.
public struct BrandLinter: Sendable {
    /// The folder brand marks must live in; `nil` derives it from each file's place
    /// (`<root>/Brands/<id>/brand.yaml` → `<root>/Assets`).
    public var assetsDirectory: URL?

    /// Creates a linter.
    public init(assetsDirectory: URL? = nil) {
        self.assetsDirectory = assetsDirectory
    }

    /// Lints one brand file.
    /// - Parameters:
    ///   - url: the file.
    ///   - displayPath: how diagnostics name it (the path as the user typed it).
    public func lint(_ url: URL, displayPath: String? = nil) -> BrandLintReport {
        let file = displayPath ?? url.path
        let text: String
        switch BrandFileReader.read(url, displayPath: file) {
        case .success(let contents): text = contents
        case .failure(let diagnostic): return BrandLintReport(file: file, standard: nil, diagnostics: [diagnostic])
        }

        let collector = DiagnosticCollector(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                collector.report(.keyMissing, LocalizedText(zh: "文件为空", en: "the file is empty"), at: nil, pointer: "")
                return BrandLintReport(file: file, standard: nil, diagnostics: collector.diagnostics)
            }
            root = node
        } catch {
            collector.report(YAMLSyntaxError(error))
            return BrandLintReport(file: file, standard: nil, diagnostics: collector.diagnostics)
        }

        let standard = BrandStandardLoader(collector: collector).load(root)
        if let standard {
            let brandFolder = url.deletingLastPathComponent()
            let assets = assetsDirectory ?? brandFolder.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Assets", isDirectory: true)
            BrandRules(standard: standard, collector: collector, folderName: brandFolder.lastPathComponent, assetsDirectory: assets)
                .check()
        }
        let ordered = collector.diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
        return BrandLintReport(file: file, standard: ordered.contains { $0.severity == .error } ? nil : standard, diagnostics: ordered)
    }
}
