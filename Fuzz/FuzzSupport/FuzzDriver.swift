import CFuzzer

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
