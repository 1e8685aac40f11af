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
            collector.report(YAMLSyntaxError(error, text: text))
            return BrandLintReport(file: file, standard: nil, diagnostics: collector.diagnostics)
        }

        var standard = BrandStandardLoader(collector: collector).load(root)
        var layoutDiagnostics: [Diagnostic] = []
        if let loaded = standard {
            let brandFolder = url.deletingLastPathComponent()
            let assets = assetsDirectory ?? brandFolder.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Assets", isDirectory: true)
            BrandRules(standard: loaded, collector: collector, folderName: brandFolder.lastPathComponent, assetsDirectory: assets)
                .check()
            let layouts = lintLayouts(of: loaded, in: brandFolder, displayFolder: (file as NSString).deletingLastPathComponent)
            standard?.labels.layouts = layouts.layouts
            layoutDiagnostics = layouts.diagnostics
            for (index, size) in loaded.labels.sizes.enumerated() where !layouts.layouts.contains(where: { $0.size == size.id }) {
                collector.report(.labelLayoutMissing, LocalizedText(
                    zh: "尺寸“\(size.id)”没有布局文件 labels/\(size.id).yaml，不能生成此尺寸的标签",
                    en: "size “\(size.id)” has no layout file labels/\(size.id).yaml; labels of this size cannot be made"
                ), pointer: "/labels/sizes/\(index)/id", severity: .warning)
            }
        }
        let ordered = Self.ordered(collector.diagnostics) + layoutDiagnostics
        return BrandLintReport(file: file, standard: ordered.contains { $0.severity == .error } ? nil : standard, diagnostics: ordered)
    }

    /// The folder of a brand's label layouts, beside its `brand.yaml`.
    public static let layoutFolderName = "labels"

    /// Reads and checks every `labels/<size>.yaml` of a brand.
    private func lintLayouts(of standard: BrandStandard, in brandFolder: URL, displayFolder: String) -> (layouts: [LabelLayout], diagnostics: [Diagnostic]) {
        let folder = brandFolder.appendingPathComponent(Self.layoutFolderName, isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var layouts: [LabelLayout] = [], diagnostics: [Diagnostic] = []
        for name in names {
            let display = (displayFolder.isEmpty ? "" : displayFolder + "/") + Self.layoutFolderName + "/" + name
            let collector = DiagnosticCollector(file: display)
            switch BrandFileReader.read(folder.appendingPathComponent(name), displayPath: display) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let text):
                do {
                    guard let root = try Yams.compose(yaml: text) else {
                        collector.report(.keyMissing, LocalizedText(zh: "文件为空", en: "the file is empty"), at: nil, pointer: "")
                        break
                    }
                    if let layout = LabelLayoutLoader(collector: collector).load(root, size: String(name.dropLast(5))) {
                        LabelLayoutRules(layout: layout, standard: standard, collector: collector).check()
                        layouts.append(layout)
                    }
                } catch {
                    collector.report(YAMLSyntaxError(error, text: text))
                }
            }
            diagnostics += Self.ordered(collector.diagnostics)
        }
        return (layouts, diagnostics)
    }

    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}
