import CFuzzer
import Foundation

/// Runs libFuzzer with the process's arguments, calling `body` with every input.
///
/// SwiftPM links an executable target's `main` to a symbol named after the module
/// (`fuzz_csv_main` for `fuzz-csv`), so each target defines that symbol with
/// `@_cdecl` and calls this: libFuzzer's own `main` is never used.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}

/// The input as bytes (libFuzzer passes a null pointer for the empty input).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The repository the target was built from: its `Brands/` hold the standards inputs
/// are validated against.
public let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A file of this process's own, rewritten with each input, for parsers that read files.
public func scratchFile(_ name: String) -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-fuzz-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name)
}

/// Writes an input where a parser reads it; a write that fails stops the run, since
/// every input after it would test nothing.
public func write(_ bytes: [UInt8], to url: URL) {
    guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
        fatalError("cannot write \(url.path)")
    }
}
