import Foundation

/// Writes to the process's standard error, where progress and problems go so that
/// standard output stays clean for machines.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
