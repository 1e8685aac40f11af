import Foundation
import Measures

/// A file the user named with `--out`: written beside itself under a temporary name
/// and renamed over the destination only once it is whole. Nothing but a regular
/// file at exactly that path is ever replaced: a folder, a path ending in `/`, or a
/// folder that does not exist is refused before anything is written.
struct OutputFile {
    let path: String
    private let temporaryPath: String
    private let handle: FileHandle

    /// Checks the destination and opens its temporary file.
    /// - Throws: `CLIError` (exit 2) when `path` is not a place for a file.
    init(path: String) throws {
        try Self.check(path)
        let url = URL(fileURLWithPath: path)
        let temporary = Self.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIError(zh: "无法在 \(url.deletingLastPathComponent().path) 中创建文件（没有写权限？）",
                           en: "cannot create a file in \(url.deletingLastPathComponent().path) (no write permission?)")
        }
        self.path = path
        temporaryPath = temporary
        self.handle = handle
    }

    /// Throws unless `path` names a file that may be written: not a folder, not
    /// ending in `/`, inside a folder that exists.
    /// - Parameter name: how the user gave the path, for the message.
    /// - Throws: `CLIError` saying what the path is and what was expected.
    static func check(_ path: String, named name: LocalizedText = LocalizedText(zh: "--out", en: "--out")) throws {
        var isFolder: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw CLIError(zh: "\(name.zh) \(path) 是一个文件夹；请指定要写入的文件名（文件夹及其内容不会被改动）",
                           en: "\(name.en) \(path) is a folder; name the file to write (the folder and its contents are left alone)")
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError(zh: "\(name.zh) \(path)：文件夹 \(parent) 不存在", en: "\(name.en) \(path): the folder \(parent) does not exist")
        }
    }

    /// Where a file for `path` is written until it is whole: beside it, hidden, named
    /// for this process.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
    }

    /// Renames a whole `temporary` file over `path`; on failure removes it.
    /// - Throws: `CLIError` with the system's reason.
    static func moveIntoPlace(_ temporary: String, over path: String) throws {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
        }
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws {
        try handle.write(contentsOf: bytes)
    }

    /// Closes the file and puts it in place of the destination.
    func commit() throws {
        try handle.close()
        try Self.moveIntoPlace(temporaryPath, over: path)
    }

    /// Closes and removes the temporary file, leaving the destination as it was.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
