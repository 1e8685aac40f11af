import FuzzProductFiles
import FuzzSupport

/// Any bytes as a .csv products file: see `ProductFileFuzzing`.
nonisolated(unsafe) let fuzzing = ProductFileFuzzing(fileExtension: "csv")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzing.run(fuzzInput(data, size))
    return 0
}

@_cdecl("fuzz_csv_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
