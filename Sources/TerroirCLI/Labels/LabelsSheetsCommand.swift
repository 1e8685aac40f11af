import ArgumentParser
import Foundation
import Labels
import Measures

/// `terroir labels sheets`: the label sheets PDF batches can be laid out on, and a
/// calibration page for one of them.
struct LabelsSheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "List the label sheets for --format pdf --sheet, or write a sheet's calibration page.",
        discussion: """
        With --calibration FILE, writes one page with every label's outline and centre \
        where the offsets put it, and two 100 mm scales: print it at 100% on plain paper, \
        hold it against a sheet of labels, and adjust --offset-x and --offset-y until the \
        outlines sit on the labels.
        """
    )

    @Argument(help: "A sheet id, for --calibration.") var sheet: String?
    @Option(help: "Write the sheet's calibration page to this PDF file (it must not exist).") var calibration: String?
    @Option(name: .customLong("offset-x"), parsing: .unconditional, help: "The printer offset to show, right in mm (negative: left).") var offsetX = 0.0
    @Option(name: .customLong("offset-y"), parsing: .unconditional, help: "The printer offset to show, down in mm (negative: up).") var offsetY = 0.0
    @Option(help: "The font file.") var font = FontFace.defaultPath
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        guard let calibration else {
            let sheets = sheet.map { id in SheetLayout.shipped.filter { $0.id == id } } ?? SheetLayout.shipped
            if let sheet, sheets.isEmpty { throw Self.unknown(sheet) }
            if format == .json { return try JSONOutput.print(sheets) }
            for sheet in sheets {
                print("\(sheet.id)  \(sheet.columns) × \(sheet.rows) = \(sheet.perSheet) a page  \(sheet.name.en)  \(sheet.name.zh)")
            }
            return
        }
        guard let id = sheet else { throw ValidationError("--calibration needs a sheet id: terroir labels sheets ID --calibration FILE") }
        guard let layout = SheetLayout.named(id) else { throw Self.unknown(id) }
        guard !FileManager.default.fileExists(atPath: calibration) else {
            throw CLIError(zh: "\(calibration) 已存在；请指定新文件（不会覆盖已有文件）", en: "\(calibration) exists; name a new file (nothing is overwritten)")
        }
        do throws(LabelError) {
            try LabelJobBuilder.checkOffsets(x: offsetX, y: offsetY)
        } catch {
            throw CLIError(message: error.message)
        }
        let placement = SheetPlacement(sheet: layout, offsetXMM: offsetX, offsetYMM: offsetY)
        do throws(LabelError) {
            try SheetMarks.writeCalibrationPage(placement, path: calibration, fontPath: font)
        } catch {
            try? FileManager.default.removeItem(atPath: calibration)
            throw CLIError(message: error.message)
        }
        print("calibration page for \(layout.id) written to \(calibration): print at 100% (actual size)")
        print("\(layout.id) 校准页已写入 \(calibration)：请按 100%（实际大小）打印")
    }

    static func unknown(_ id: String) -> CLIError {
        CLIError(message: LabelError.sheetUnknown(sheet: id, known: SheetLayout.shipped.map(\.id)).message)
    }
}
