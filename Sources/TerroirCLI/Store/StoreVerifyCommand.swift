import ArgumentParser
import BrandStandards
import CatalogStore
import Measures

/// `terroir store verify`: SQLite's integrity check plus the ledger's own rules and the
/// audit chain. Exit 1 when anything is wrong.
struct StoreVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the store: file integrity, serial ledger, certified products, audit chain.",
        discussion: "Exit 1 when a check fails; each problem is printed in English and Chinese."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let result = try catalog.verify(today: .today())
        for problem in result.problems { print("problem: \(problem.en)\n         \(problem.zh)") }
        print("checked \(result.batches) label batch(es) with \(result.serials) serial(s), \(result.certified) certified product(s), "
            + "\(result.auditEntries) audit entr\(result.auditEntries == 1 ? "y" : "ies"): "
            + (result.problems.isEmpty ? "all well" : "\(result.problems.count) problem(s)"))
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}
