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
            for (index, size) in loaded.labels.sizes.enumerated() where !layouts.layouts.contains(where: { $0.size == size.id && $0.category == nil }) {
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

    /// Reads and checks every `labels/<size>.yaml` of a brand, and every
    /// `labels/<category>/<size>.yaml` a category has of its own.
    private func lintLayouts(of standard: BrandStandard, in brandFolder: URL, displayFolder: String) -> (layouts: [LabelLayout], diagnostics: [Diagnostic]) {
        let folder = brandFolder.appendingPathComponent(Self.layoutFolderName, isDirectory: true)
        let manager = FileManager.default
        var files: [(relative: String, category: String?)] = []
        for name in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            var isFolder: ObjCBool = false
            if name.hasSuffix(".yaml") {
                files.append((name, nil))
            } else if manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                let inside = ((try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)) ?? []).filter { $0.hasSuffix(".yaml") }
                files += inside.sorted().map { ("\(name)/\($0)", name) }
            }
        }
        var layouts: [LabelLayout] = [], diagnostics: [Diagnostic] = []
        var checks: [(LabelLayout, DiagnosticCollector)] = []
        for (relative, category) in files {
            let name = (relative as NSString).lastPathComponent
            let display = (displayFolder.isEmpty ? "" : displayFolder + "/") + Self.layoutFolderName + "/" + relative
            let collector = DiagnosticCollector(file: display)
            if let category, standard.category(category) == nil {
                collector.report(.labelLayoutCategoryUnknown, LocalizedText(
                    zh: "布局文件夹“\(category)”不是品牌的品类（\(standard.categories.map(\.id).joined(separator: "、"))）",
                    en: "layout folder “\(category)” is not a category of the brand (\(standard.categories.map(\.id).joined(separator: ", ")))"
                ), line: 1, column: 1)
                diagnostics += collector.diagnostics
                continue
            }
            switch BrandFileReader.read(folder.appendingPathComponent(relative), displayPath: display) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let text):
                do {
                    guard let root = try Yams.compose(yaml: text) else {
                        collector.report(.keyMissing, LocalizedText(zh: "文件为空", en: "the file is empty"), at: nil, pointer: "")
                        break
                    }
                    if let layout = LabelLayoutLoader(collector: collector).load(root, size: String(name.dropLast(5)), category: category) {
                        layouts.append(layout)
                        checks.append((layout, collector))
                        continue
                    }
                } catch {
                    collector.report(YAMLSyntaxError(error, text: text))
                }
            }
            diagnostics += Self.ordered(collector.diagnostics)
        }
        // Checked once all are read: which categories use a brand's layout depends on
        // which have their own.
        var withLayouts = standard
        withLayouts.labels.layouts = layouts
        for (layout, collector) in checks {
            LabelLayoutRules(layout: layout, standard: withLayouts, collector: collector).check()
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
