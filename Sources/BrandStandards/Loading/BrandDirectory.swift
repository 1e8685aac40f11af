import Foundation
import Measures

/// Finds brand files: `Brands/<id>/brand.yaml`.
public enum BrandDirectory {
    /// The name of a brand's standard file inside its folder.
    public static let standardFileName = "brand.yaml"

    /// A brand file to lint, with the path to show for it.
    public struct Entry: Sendable {
        public let url: URL
        public let displayPath: String
    }

    /// The brand files that `paths` name: a file itself, a brand folder's
    /// `brand.yaml`, or every `<id>/brand.yaml` inside a folder of brands, sorted.
    /// A path that names nothing usable yields a diagnostic instead.
    public static func entries(for paths: [String]) -> (entries: [Entry], problems: [Diagnostic]) {
        var entries: [Entry] = [], problems: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(problem(path, LocalizedText(zh: "路径不存在", en: "no such file or folder")))
                continue
            }
            guard isDirectory.boolValue else {
                entries.append(Entry(url: URL(fileURLWithPath: path), displayPath: path))
                continue
            }
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            let own = folder.appendingPathComponent(standardFileName)
            if manager.fileExists(atPath: own.path) {
                entries.append(Entry(url: own, displayPath: join(path, standardFileName)))
                continue
            }
            let children = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
            let found = children.filter { manager.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent(standardFileName).path) }
            if found.isEmpty {
                problems.append(problem(path, LocalizedText(
                    zh: "文件夹中没有品牌标准（<品牌>/brand.yaml）", en: "the folder holds no brand standard (<brand>/brand.yaml)"
                )))
            }
            for child in found {
                entries.append(Entry(
                    url: folder.appendingPathComponent(child).appendingPathComponent(standardFileName),
                    displayPath: join(join(path, child), standardFileName)
                ))
            }
        }
        return (entries, problems)
    }

    /// The standard file of the brand `id` inside the folder of brands `root`.
    public static func file(ofBrand id: String, in root: String) -> URL? {
        guard !id.contains("/"), id != "..", id != "." else { return nil }
        let url = URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(id).appendingPathComponent(standardFileName)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func problem(_ path: String, _ message: LocalizedText) -> Diagnostic {
        Diagnostic(file: path, line: 0, column: 0, pointer: nil, severity: .error, rule: .fileUnreadable, message: message)
    }
}
