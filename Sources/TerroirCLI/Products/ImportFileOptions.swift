import ArgumentParser
import Foundation
import Measures
import ProductSpecs

/// What `products import` and `products validate` take besides the file: which
/// columns to leave out, and where to write the rows that fail.
struct ImportFileOptions: ParsableArguments {
    @Option(name: .customLong("ignore-column"), help: ArgumentHelp("Leave out the column with this header (a 备注 remarks column, say); repeatable.", valueName: "NAME"))
    var ignoredColumns: [String] = []
    @Flag(name: .customLong("ignore-unknown-columns"), help: "Leave out every column whose header names no field or attribute, and say which.")
    var ignoresUnknownColumns = false
    @Option(name: .customLong("errors"), help: ArgumentHelp("Write every failing row of a CSV, as it came in, with its findings, to fix and import again.", valueName: "FILE"))
    var errorsPath: String?

    /// The reader's options.
    var readerOptions: ImportOptions {
        ImportOptions(ignoredColumns: ignoredColumns, ignoresUnknownColumns: ignoresUnknownColumns, keepsCells: errorsPath != nil)
    }

    /// Checks, before anything is read, that an error file can be written for `file`.
    func validate(for file: String) throws {
        guard let errorsPath else { return }
        guard ProductFileReader.Format(fileExtension: URL(fileURLWithPath: file).pathExtension) == .csv else {
            throw CLIError(zh: "--errors 只用于 CSV 文件：它按原样写出出错的行，供在表格中修改后重新导入",
                           en: "--errors applies to CSV files: it writes the failing rows as they came in, to fix in the spreadsheet and import again")
        }
        try OutputFile.check(errorsPath, named: LocalizedText(zh: "--errors", en: "--errors"))
    }
}
