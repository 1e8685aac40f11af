import BrandStandards
import Foundation
import Measures

/// Values as Excel and WPS sheets hold them, read strictly: each form here is one a
/// spreadsheet writes, and anything else is still refused.
enum SpreadsheetValues {
    /// A price in yuan: `59`, `59.00`, `1,280.00` (thousands grouped by three), with a
    /// `¥`/`￥`/`CNY`/`RMB` before it or `元` after it, in half- or full-width digits.
    static func price(_ text: String) -> Decimal? {
        // Most prices are plain (`59.00`): read without taking the text apart.
        if let plain = Decimal(exactText: text) { return plain }
        var text = Substring(text.halfWidth.trimmed)
        for prefix in ["¥", "￥", "CNY", "RMB", "cny", "rmb"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count).trimmedWhitespace
            break
        }
        if text.hasSuffix("元") { text = text.dropLast().trimmedWhitespace }
        guard let ungrouped = ungrouped(text) else { return nil }
        return Decimal(exactText: ungrouped)
    }

    /// `1,280.00` without its separators; `nil` when commas do not group by three
    /// (`1,28` may be a decimal comma).
    private static func ungrouped(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return String(text) }
        let whole = text.prefix { $0 != "." }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit),
              groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return groups.joined() + text.dropFirst(whole.count)
    }

    /// Availability as an id (`in_stock`) or in words: `in stock`, `有货`, `缺货`, `预售`, ...
    static func availability(_ text: String) -> Availability? {
        let key = text.halfWidth.trimmed.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return availabilityWords[key.split(separator: " ").joined(separator: " ")]
    }

    private static let availabilityWords: [String: Availability] = {
        var words: [String: Availability] = [:]
        let lists: [(Availability, [String])] = [
            (.inStock, ["in stock", "instock", "available", "有货", "现货", "在售", "有库存"]),
            (.outOfStock, ["out of stock", "outofstock", "sold out", "缺货", "无货", "售罄", "已售罄", "断货"]),
            (.preorder, ["preorder", "pre order", "预售", "预订", "预定"]),
            (.backorder, ["backorder", "back order", "backordered", "补货中", "缺货预订", "可补货"]),
        ]
        for (availability, names) in lists {
            for name in names { words[name] = availability }
        }
        return words
    }()

    /// A day as sheets write it: `2026-10-15`, `2026/10/15`, `2026.10.15`,
    /// `2026年10月15日` (months and days of one digit too), optionally followed by a
    /// midnight time (`2026/10/15 0:00`, as a date cell exported with its time), or a
    /// date cell's serial number in Excel's 1900 system (`46310` is 2026-10-15).
    static func day(_ text: String) -> CalendarDay? {
        let text = text.halfWidth.trimmed
        if let day = CalendarDay(text) { return day }
        if text.allSatisfy(\.isASCIIDigit), text.count <= 7, let serial = Int(text) { return day(serial: serial) }
        var parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard ["0:00", "00:00", "0:00:00", "00:00:00"].contains(parts[1]) else { return nil }
            parts.removeLast()
        }
        guard let date = parts.first else { return nil }
        let numbers: [Substring]
        if date.hasSuffix("日"), date.contains("年"), date.contains("月") {
            numbers = date.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else {
            let separator: Character = date.contains("/") ? "/" : (date.contains(".") ? "." : "-")
            numbers = date.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard numbers.count == 3, numbers[0].count == 4, (1...2).contains(numbers[1].count), (1...2).contains(numbers[2].count),
              numbers.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        func padded(_ part: Substring) -> String { part.count == 1 ? "0" + part : String(part) }
        return CalendarDay("\(numbers[0])-\(padded(numbers[1]))-\(padded(numbers[2]))")
    }

    /// The day of an Excel serial number: day 1 is 1900-01-01, and Excel counts a
    /// 29 February 1900 that never was, so from 61 (1900-03-01) on, serial `n` is `n`
    /// days after 1899-12-30. Serials up to 60 are refused rather than read wrong.
    static func day(serial: Int) -> CalendarDay? {
        guard (61...2_958_465).contains(serial) else { return nil }
        // Days from 1970-01-01, then the civil date (H. Hinnant's algorithm).
        let days = serial - 25_569
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ number: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
        }
        return CalendarDay("\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))")
    }

    /// Whether a code reads like a number a spreadsheet wrote in scientific notation
    /// (`6.92346E+12`): it took the cell for a number and dropped the last digits.
    static func isScientific(_ text: String) -> Bool {
        let text = text.halfWidth.trimmed.uppercased()
        guard let e = text.firstIndex(of: "E") else { return false }
        let mantissa = text[..<e], exponent = text[text.index(after: e)...].drop { $0 == "+" }
        return !mantissa.isEmpty && mantissa.allSatisfy { $0.isASCIIDigit || $0 == "." } && mantissa.first!.isASCIIDigit
            && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    /// `0` to `9`, nothing else (not `٣`, not `５`).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
