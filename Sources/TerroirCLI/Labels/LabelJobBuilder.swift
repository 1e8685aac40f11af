import BrandStandards
import DigitalLink
import Foundation
import Labels
import Measures
import ProductSpecs

/// Turns a producer's request into a `LabelJob` from the published standard: the
/// size and its layout, the resolution, the product's text, the brand mark.
struct LabelJobBuilder {
    let standard: BrandStandard
    let assets: String
    let font: String

    func job(product: Product, producer: Producer, lot: String, size sizeID: String?, dpi requested: Int?, format: LabelFormat,
             colour: Bool, nativeQR: Bool) throws -> LabelJob {
        let rules = standard.labels
        guard let size = sizeID.map({ id in rules.sizes.first { $0.id == id } }) ?? rules.sizes.first else {
            let known = rules.sizes.map(\.id).joined(separator: ", ")
            throw CLIError(zh: "品牌“\(standard.id)”没有标签尺寸“\(sizeID ?? "")”（可用：\(known)）",
                           en: "brand “\(standard.id)” has no label size “\(sizeID ?? "")” (sizes: \(known))")
        }
        guard let layout = rules.layout(size.id) else {
            throw CLIError(zh: "尺寸“\(size.id)”没有已发布的布局（Brands/\(standard.id)/labels/\(size.id).yaml）",
                           en: "size “\(size.id)” has no published layout (Brands/\(standard.id)/labels/\(size.id).yaml)")
        }
        let allowed = rules.dpi.filter { $0 >= rules.minDPI }
        let dpi = requested ?? (allowed.contains(300) ? 300 : allowed.first ?? 300)
        guard allowed.contains(dpi) else {
            throw CLIError(zh: "品牌标准不允许 \(dpi) dpi（允许：\(allowed.map(String.init).joined(separator: ", "))）",
                           en: "the brand standard does not allow \(dpi) dpi (allowed: \(allowed.map(String.init).joined(separator: ", ")))")
        }
        return LabelJob(
            layout: layout, size: size, rules: rules, dpi: dpi, format: format, colour: colour && format == .png,
            nativeQR: nativeQR && format == .zpl, values: LabelFields.values(standard: standard, product: product, producer: producer, lot: lot),
            netContentGrams: LabelFields.netContentGrams(of: product), markPNG: try mark(), fontPath: font
        )
    }

    /// The brand mark's bytes, from inside the assets folder only.
    private func mark() throws -> Data? {
        let path = standard.labels.brandMark
        guard !path.isEmpty else { return nil }
        let root = URL(fileURLWithPath: assets, isDirectory: true).standardizedFileURL
        let file = root.appendingPathComponent(path).standardizedFileURL
        guard file.path.hasPrefix(root.path + "/"), let data = FileManager.default.contents(atPath: file.path) else {
            throw CLIError(zh: "找不到品牌标志 \(file.path)（用 --assets 指定 Assets 文件夹）",
                           en: "brand mark \(file.path) not found (name the Assets folder with --assets)")
        }
        return data
    }

    static func encode(_ job: LabelJob) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(job), as: UTF8.self)
    }

    /// The job as a batch stored it; generate uses it too, so that resuming draws the
    /// very same labels.
    static func decode(_ json: String) throws -> LabelJob {
        do {
            return try JSONDecoder().decode(LabelJob.self, from: Data(json.utf8))
        } catch {
            throw CLIError(zh: "批次的标签描述无法读取：\(error)", en: "the batch's label description cannot be read: \(error)")
        }
    }

    /// Renders one label with the longest serial a batch can reach, so that a layout,
    /// a lot or a URI that cannot work is refused before any serial is issued.
    static func rehearse(_ job: LabelJob, resolver: String, gtin: GTIN?, lot: String) throws {
        let serial = "99999999"
        let uri: DigitalLinkURI
        do throws(DigitalLinkError) {
            uri = try DigitalLinkURI(base: resolver, gtin: gtin ?? GTIN(verifiedDigits: "00000000000000"), lot: lot, serial: serial,
                                     otherQuery: [(SerialSignature.parameter, "AAAAAAAA")])
        } catch {
            throw LabelRefusal(message: LocalizedText(zh: "批次号“\(lot)”无效：\(error.explanation.zh)", en: "lot “\(lot)” is invalid: \(error.explanation.en)"))
        }
        do throws(LabelError) {
            _ = try LabelRenderer(job: job).render(serial: serial, uri: uri.description)
        } catch {
            throw LabelRefusal(message: error.message)
        }
    }
}

/// A label that cannot be made as asked: the input's fault, so exit 1.
struct LabelRefusal: Error {
    let message: LocalizedText
}
