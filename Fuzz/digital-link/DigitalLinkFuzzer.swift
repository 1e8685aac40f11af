import DigitalLink
import FuzzSupport

/// Any bytes as a Digital Link URI. A URI that parses must write itself back as text
/// that parses to the same URI: a label printed from it must resolve to it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzInput(data, size), as: UTF8.self)
    guard let uri = try? DigitalLinkURI(parsing: text) else { return 0 }
    let written = uri.description
    guard let again = try? DigitalLinkURI(parsing: written), again == uri else {
        fatalError("“\(text)” parses, but its text “\(written)” does not parse back to it")
    }
    return 0
}

@_cdecl("fuzz_digital_link_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
