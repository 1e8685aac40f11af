import BrandStandards
import Foundation
import Measures
import Testing

/// Every lint fixture under `Tests/Fixtures/Brands/` marks the lines that must get a
/// diagnostic with `# expect: CODE`; files that are wrong as a whole are listed here.
struct LintFixtureTests {
    static let wholeFileCases: [String: LintRule] = [
        "binary": .fileBinary, "not-utf8": .fileEncoding, "empty": .keyMissing,
    ]

    /// The expected diagnostics of a fixture: in its `brand.yaml` and in its layouts.
    static func expectations(_ name: String) throws -> [(file: String, line: Int, rule: String)] {
        if let rule = wholeFileCases[name] { return [("\(name)/brand.yaml", 0, rule.rawValue)] }
        let folder = FixturePaths.lintFile(name).deletingLastPathComponent()
        // Layouts of the brand, and of categories in their own folders.
        let labels = folder.appendingPathComponent("labels").path
        let layouts = (FileManager.default.subpaths(atPath: labels) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { "labels/\($0)" }
        return try (["brand.yaml"] + layouts).flatMap { relative in
            let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line -> (file: String, line: Int, rule: String)? in
                guard let range = line.range(of: "# expect: ") else { return nil }
                let code = line[range.upperBound...].prefix { $0.isLowercase || $0 == "." || $0 == "_" }
                return code.isEmpty ? nil : ("\(name)/\(relative)", index + 1, String(code))
            }
        }
    }

    let linter = BrandLinter(assetsDirectory: FixturePaths.lintAssets)

    /// A missing or moved fixture folder would leave the parameterised test with no
    /// case, and so passing.
    @Test func theFixturesAreThere() {
        let cases = Set(FixturePaths.lintCases)
        #expect(cases.count >= 20, "only \(cases.count) lint fixtures in \(FixturePaths.lintBrands.path)")
        #expect(cases.isSuperset(of: ["valid"] + Self.wholeFileCases.keys), "missing: \(Set(["valid"] + Self.wholeFileCases.keys).subtracting(cases).sorted())")
    }

    @Test(arguments: FixturePaths.lintCases)
    func fixtureGetsItsDiagnostics(name: String) throws {
        let report = linter.lint(FixturePaths.lintFile(name), displayPath: "\(name)/brand.yaml")
        let expected = try Self.expectations(name)
        if name == "valid" {
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            #expect(report.standard?.id == "valid")
            #expect(report.standard?.labels.layout("60x40")?.elements.count == 9)
            return
        }
        #expect(!expected.isEmpty, "fixture \(name) marks no expected diagnostic")
        for (file, line, rule) in expected {
            #expect(
                report.diagnostics.contains { $0.line == line && $0.rule.rawValue == rule && $0.file == file },
                "\(name): expected \(rule) at \(file):\(line), got \(report.diagnostics.map { "\($0.file):\($0.line):\($0.rule.rawValue)" })"
            )
        }
        let failing = expected.contains { LintRule(rawValue: $0.rule).map(Self.isWarning) == false }
        #expect(report.hasErrors == failing)
    }

    static func isWarning(_ rule: LintRule) -> Bool {
        [.resolverNotHTTPS, .brandIDMismatch, .labelLayoutMissing, .labelLayoutCategoryField, .standardDraft, .standardRetired, .standardScheduled, .standardExpired].contains(rule)
    }

    @Test func everyRuleHasAFixture() throws {
        var covered = Set(try FixturePaths.lintCases.flatMap { try Self.expectations($0).map(\.rule) })
        // Triggered by files the tests make: a 5 MB file, and a path that does not exist.
        covered.formUnion([LintRule.fileTooLarge.rawValue, LintRule.fileUnreadable.rawValue])
        let missing = LintRule.allCases.map(\.rawValue).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without a fixture: \(missing)")
    }

    @Test func aFileOverTheSizeLimitGetsOneError() throws {
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("brand.yaml")
        let line = Data("# padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data()
        while data.count < 5 * 1024 * 1024 { data.append(line) }
        try data.write(to: big)
        let report = linter.lint(big)
        #expect(report.diagnostics.map(\.rule) == [.fileTooLarge])
    }

    @Test func aMissingPathIsReportedNotCrashed() {
        let (entries, problems) = BrandDirectory.entries(for: ["/nonexistent/brands"])
        #expect(entries.isEmpty)
        #expect(problems.map(\.rule) == [.fileUnreadable])
        #expect(linter.lint(URL(fileURLWithPath: "/nonexistent/brand.yaml")).diagnostics.map(\.rule) == [.fileUnreadable])
    }

    @Test func everyProblemOfAFileIsReportedInOrder() throws {
        var text = try String(contentsOf: FixturePaths.lintFile("valid"), encoding: .utf8)
        text = text.replacingOccurrences(of: "status: active", with: "status: publsihed")
            .replacingOccurrences(of: "        max_length: 20", with: "        max_lenght: 20")
            .replacingOccurrences(of: "        min: 2020", with: "        min: 2040")
            .replacingOccurrences(of: "  brand_mark: fixture/mark.png", with: "  brand_mark: ../secret.png")
        let folder = try FixturePaths.temporaryDirectory().appendingPathComponent("valid")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("brand.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let report = linter.lint(file)
        #expect(report.diagnostics.map(\.rule) == [
            .valueInvalid, .keyUnknown, .boundsMinAboveMax, .labelLayoutMissing, .labelMarkOutsideAssets,
        ])
        #expect(report.diagnostics.map(\.line) == report.diagnostics.map(\.line).sorted())
        #expect(report.diagnostics[1].message.en.contains("did you mean “max_length”"))
        #expect(report.standard == nil)
    }
}

/// A YAML mistake is reported on the line that holds it, with its likely cause, not
/// only libyaml's words a line or two later.
struct YAMLCauseTests {
    @Test(arguments: [
        ("yaml-fullwidth-colon", "full-width colon", "全角冒号"),
        ("yaml-tab-indent", "indented with a tab", "制表符"),
        ("yaml-unquoted-hash", "unquoted #", "未加引号"),
        ("colour-unquoted-hash", "an unquoted # starts a comment", "表示注释"),
    ])
    func theCauseIsNamed(fixture: String, en: String, zh: String) throws {
        let report = BrandLinter(assetsDirectory: FixturePaths.lintAssets).lint(FixturePaths.lintFile(fixture))
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message.en.contains(en), "\(error.message.en)")
        #expect(error.message.zh.contains(zh), "\(error.message.zh)")
    }
}
