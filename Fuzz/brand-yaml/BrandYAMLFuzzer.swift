import BrandStandards
import Foundation
import FuzzSupport

/// Any bytes as a brand's `brand.yaml`, through the loader and every lint rule (its
/// label layouts and mark are the valid fixture's): a report, never a crash or hang.
nonisolated(unsafe) let brandFile: URL = {
    let folder = scratchFile("Brands/fuzz")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let labels = repository.appendingPathComponent("Tests/Fixtures/Brands/valid/labels")
    try? FileManager.default.copyItem(at: labels, to: folder.appendingPathComponent("labels"))
    return folder.appendingPathComponent("brand.yaml")
}()
let linter = BrandLinter(assetsDirectory: repository.appendingPathComponent("Tests/Fixtures/Assets"))

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    write(fuzzInput(data, size), to: brandFile)
    let report = linter.lint(brandFile, displayPath: "fuzz/brand.yaml")
    if let standard = report.standard {
        // What publishing stores must encode, and the vocabulary of its product files must build.
        _ = try? standard.canonicalJSON()
        _ = ColumnVocabulary(standard: standard).knownNames
    }
    return 0
}

@_cdecl("fuzz_brand_yaml_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
