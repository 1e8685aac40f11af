import Measures

/// The stable codes of the brand linter's rules. The code is the contract; messages
/// may improve.
public enum LintRule: String, Equatable, Sendable, Codable, CaseIterable {
    case fileUnreadable = "file.unreadable"
    case fileTooLarge = "file.too_large"
    case fileBinary = "file.binary"
    case fileEncoding = "file.encoding"
    case yamlSyntax = "yaml.syntax"
    case yamlDuplicateKey = "yaml.duplicate_key"
    case keyUnknown = "key.unknown"
    case keyMissing = "key.missing"
    case keyNotApplicable = "key.not_applicable"
    case valueType = "value.type"
    case valueInvalid = "value.invalid"
    case idFormat = "id.format"
    case idDuplicate = "id.duplicate"
    case boundsMinAboveMax = "bounds.min_above_max"
    case unitUnknown = "unit.unknown"
    case unitDimension = "unit.dimension"
    case unitAmbiguous = "unit.ambiguous"
    case patternInvalid = "pattern.invalid"
    case regionCodeMalformed = "region.code_malformed"
    case villageOutsideRegion = "village.outside_region"
    case categoryUnknown = "category.unknown"
    case attributeUnknown = "attribute.unknown"
    case attributeNameClash = "attribute.name_clash"
    case optionUnknown = "option.unknown"
    case seriesCoreCount = "series.core_count"
    case modelMismatch = "model.mismatch"
    case labelFieldUnknown = "label.field_unknown"
    case labelMarkMissing = "label.mark_missing"
    case labelMarkOutsideAssets = "label.mark_outside_assets"
    case labelMarkUnreadable = "label.mark_unreadable"
    case labelModuleUnprintable = "label.module_unprintable"
    case labelDPIBelowMinimum = "label.dpi_below_minimum"
    case labelQuietZone = "label.quiet_zone"
    case labelLayoutMissing = "label.layout_missing"
    case labelLayoutSizeUnknown = "label.layout_size_unknown"
    case labelLayoutOutside = "label.layout_outside"
    case labelLayoutFieldMissing = "label.layout_field_missing"
    case labelLayoutCategoryField = "label.layout_category_field"
    case labelLayoutCategoryUnknown = "label.layout_category_unknown"
    case labelLayoutQR = "label.layout_qr"
    case labelQRTooSmall = "label.qr_too_small"
    case labelTextTooSmall = "label.text_too_small"
    case datesEffectiveOrder = "dates.effective_order"
    case standardDraft = "standard.draft"
    case standardRetired = "standard.retired"
    case standardScheduled = "standard.scheduled"
    case standardExpired = "standard.expired"
    case resolverNotHTTPS = "resolver.not_https"
    case resolverInvalid = "resolver.invalid"
    case brandIDMismatch = "brand.id_mismatch"
}

extension LintRule {
    /// The rule a quantity that failed to parse breaks.
    init(_ error: MeasureError) {
        self = switch error {
        case .wrongDimension: .unitDimension
        case .unknownUnit, .missingUnit: .unitUnknown
        case .ambiguousUnit: .unitAmbiguous
        case .empty, .notANumber, .decimalComma: .valueType
        }
    }
}
