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

    static func expectations(_ name: String) throws -> [(line: Int, rule: String)] {
        if let rule = wholeFileCases[name] { return [(0, rule.rawValue)] }
        let text = try String(contentsOf: FixturePaths.lintFile(name), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard let range = line.range(of: "# expect: ") else { return nil }
            let code = line[range.upperBound...].prefix { $0.isLowercase || $0 == "." || $0 == "_" }
            return code.isEmpty ? nil : (index + 1, String(code))
        }
    }

    let linter = BrandLinter(assetsDirectory: FixturePaths.lintAssets)

    @Test(arguments: FixturePaths.lintCases)
    func fixtureGetsItsDiagnostics(name: String) throws {
        let report = linter.lint(FixturePaths.lintFile(name), displayPath: "\(name)/brand.yaml")
        let expected = try Self.expectations(name)
        if name == "valid" {
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            #expect(report.standard?.id == "valid")
            return
        }
        #expect(!expected.isEmpty, "fixture \(name) marks no expected diagnostic")
        for (line, rule) in expected {
            #expect(
                report.diagnostics.contains { $0.line == line && $0.rule.rawValue == rule && $0.file == "\(name)/brand.yaml" },
                "\(name): expected \(rule) at line \(line), got \(report.diagnostics.map { "\($0.line):\($0.rule.rawValue)" })"
            )
        }
        let failing = expected.contains { LintRule(rawValue: $0.rule).map(Self.isWarning) == false }
        #expect(report.hasErrors == failing)
    }

    static func isWarning(_ rule: LintRule) -> Bool {
        rule == .resolverNotHTTPS || rule == .brandIDMismatch
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
        text = text.replacingOccurrences(of: "status: draft", with: "status: publsihed")
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
            .valueInvalid, .keyUnknown, .boundsMinAboveMax, .labelMarkOutsideAssets,
        ])
        #expect(report.diagnostics.map(\.line) == report.diagnostics.map(\.line).sorted())
        #expect(report.diagnostics[1].message.en.contains("did you mean “max_length”"))
        #expect(report.standard == nil)
    }
}
