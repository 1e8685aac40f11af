import Measures

extension MeasureUnit {
    /// The UN/CEFACT Recommendation 20 code schema.org uses for the unit, when there is one.
    var unCEFACTCode: String? {
        switch id {
        case "mg": "MGM"
        case "g": "GRM"
        case "kg": "KGM"
        case "t": "TNE"
        case "ml": "MLT"
        case "l": "LTR"
        case "mm": "MMT"
        case "cm": "CMT"
        case "m": "MTR"
        case "percent": "P1"
        case "pcs": "H87"
        case "s": "SEC"
        case "min": "MIN"
        case "h": "HUR"
        case "d": "DAY"
        default: nil
        }
    }

    /// The unit as Google Merchant Center's unit pricing writes it (metric only).
    var merchantSymbol: String? {
        switch id {
        case "mg", "g", "kg", "ml", "cm", "m": id
        case "l": "l"
        case "pcs": "ct"
        default: nil
        }
    }
}
