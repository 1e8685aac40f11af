import ArgumentParser
import CatalogStore
import Foundation
import Measures

/// `terroir store backup FILE`: a consistent copy of the store through SQLite's
/// online backup, safe while the server or an import is writing.
struct StoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store, as it stands at one moment, into FILE (safe while it is being written).",
        discussion: """
        To restore, stop terroir-server, move the damaged store aside and copy the backup \
        to its place (or point --db at it); check it first with terroir store verify --db FILE.
        """
    )

    @Argument(help: "The backup file to write (a new file, or a file to replace; never a folder).") var file: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try OutputFile.check(file, named: LocalizedText(zh: "备份文件", en: "the backup file"))
        let catalog = try store.open()
        // SQLite writes the copy itself: to the temporary file an output file uses,
        // renamed over the destination only once whole.
        let temporary = OutputFile.temporaryPath(for: file)
        do {
            try catalog.backup(to: temporary)
        } catch let error as StoreError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError(message: error.message)
        }
        try OutputFile.moveIntoPlace(temporary, over: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("backup written to \(file) (\(size / 1024) KiB); check it with: terroir store verify --db \(file)")
    }
}
