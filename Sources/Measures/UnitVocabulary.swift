/// What people type after a number, mapped to units. Latin spellings are matched
/// without regard to case; 斤 and 两 without a region qualifier depend on the region
/// the caller says applies.
enum UnitVocabulary {
    enum Entry {
        case unit(MeasureUnit)
        case jin
        case liang
    }

    static func entry(for typed: String) -> Entry? {
        // Short spellings as typed first, by their bytes: hashing or comparing text
        // like `斤` as strings normalises it, for every quantity of every row.
        if let key = packed(typed), let entry = short[key] { return entry }
        // Then as typed: most units are, and lower-casing costs an allocation.
        if let unit = fixed[typed] { return .unit(unit) }
        if let entry = bare(typed) { return entry }
        let key = typed.lowercased()
        if let unit = fixed[key] { return .unit(unit) }
        return bare(key)
    }

    /// 斤 and 两 without a region, by their (lower-case) spellings.
    private static func bare(_ key: String) -> Entry? {
        jinSpellings.contains(key) ? .jin : liangSpellings.contains(key) ? .liang : nil
    }

    private static let jinSpellings = ["斤", "jin", "catty", "catties"]
    private static let liangSpellings = ["两", "兩", "liang", "tael", "taels"]

    /// A spelling's UTF-8 bytes packed into an integer, when there are at most eight
    /// and none is zero.
    private static func packed(_ spelling: String) -> UInt64? {
        var key: UInt64 = 0, count = 0
        for byte in spelling.utf8 {
            guard count < 8, byte != 0 else { return nil }
            key |= UInt64(byte) << (8 * count)
            count += 1
        }
        return count > 0 ? key : nil
    }

    /// Every spelling of at most eight bytes, by its packed bytes.
    private static let short: [UInt64: Entry] = {
        var table: [UInt64: Entry] = [:]
        for (spelling, unit) in fixed { if let key = packed(spelling) { table[key] = .unit(unit) } }
        for spelling in jinSpellings { if let key = packed(spelling) { table[key] = .jin } }
        for spelling in liangSpellings { if let key = packed(spelling) { table[key] = .liang } }
        return table
    }()

    private static let fixed: [String: MeasureUnit] = {
        var table: [String: MeasureUnit] = [:]
        func add(_ unit: MeasureUnit, _ spellings: String...) {
            for spelling in spellings { table[spelling.lowercased()] = unit }
        }
        add(.milligram, "mg", "毫克")
        add(.gram, "g", "gram", "grams", "克")
        add(.kilogram, "kg", "kgs", "kilogram", "kilograms", "公斤", "千克")
        add(.tonne, "t", "tonne", "tonnes", "吨")
        add(.jin(.mainland), "市斤")
        add(.liang(.mainland), "市两", "市兩")
        add(.jin(.taiwan), "台斤", "臺斤")
        add(.liang(.taiwan), "台两", "臺兩", "台兩")
        add(.millilitre, "ml", "millilitre", "millilitres", "milliliter", "milliliters", "毫升")
        add(.litre, "l", "ℓ", "litre", "litres", "liter", "liters", "升", "公升")
        add(.millimetre, "mm", "毫米")
        add(.centimetre, "cm", "厘米", "公分")
        add(.metre, "m", "米")
        add(.percent, "%", "％")
        add(.percentByVolume, "%vol", "% vol", "vol%", "vol.%", "%abv", "abv", "度")
        add(.degreeBrix, "°bx", "° bx", "°brix", "bx", "brix")
        add(.piece, "pcs", "pc", "piece", "pieces", "个", "只", "件", "人", "位", "株", "棵", "盆", "person", "persons", "people", "plants")
        add(.second, "s", "sec", "秒")
        add(.minute, "min", "mins", "minute", "minutes", "分钟")
        add(.hour, "h", "hr", "hrs", "hour", "hours", "小时", "小時")
        add(.day, "d", "day", "days", "天", "日")
        return table
    }()
}
