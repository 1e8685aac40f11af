import ArgumentParser
import CatalogStore
import Foundation

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
        try OutputFile.check(file)
        let catalog = try store.open()
        // The backup goes to a temporary file beside the destination and is renamed
        // over it only once whole.
        let temporary = URL(fileURLWithPath: file).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: file).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        do {
            try catalog.backup(to: temporary)
        } catch let error as StoreError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError(message: error.message)
        }
        guard rename(temporary, file) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError(zh: "无法写入 \(file)：\(reason)", en: "cannot write \(file): \(reason)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("backup written to \(file) (\(size / 1024) KiB); check it with: terroir store verify --db \(file)")
    }
}
