import FuzzSupport
import Measures

/// Any bytes, read as text, through the quantity parser in each jin region and
/// against each dimension, then formatted back: nothing may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzInput(data, size), as: UTF8.self)
    for region in JinRegion.allCases.map(Optional.some) + [nil] {
        if let quantity = try? Quantity(parsing: text, jinRegion: region) {
            _ = quantity.formatted(.zh)
            _ = quantity.formatted(.en)
        }
    }
    for dimension in MeasureDimension.allCases {
        _ = try? Quantity(parsing: text, expecting: dimension)
    }
    return 0
}

@_cdecl("fuzz_quantity_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
