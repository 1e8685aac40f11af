import Foundation
import Measures

/// The rules that look at a standard as a whole, after it was read: duplicate ids,
/// bounds, references between parts, the region, the label rules.
struct BrandRules {
    let standard: BrandStandard
    let collector: DiagnosticCollector
    let folderName: String
    let assetsDirectory: URL

    func check() {
        checkIdentity()
        checkModel()
        checkVillages()
        checkCategories()
        checkLabels()
        checkCertificates()
        checkResolving()
    }

    // MARK: Resolving

    /// A brand that sends scans to its shops needs a shop with a web address.
    private func checkResolving() {
        guard standard.resolving?.defaultLink == .shop,
              !standard.villages.contains(where: { $0.outlet?.url != nil }) else { return }
        report(.valueInvalid, "/resolving/default_link",
               zh: "resolving.default_link 为 shop，但没有一个村的店铺（villages[].outlet.url）有网址，扫码无处可去",
               en: "resolving.default_link is shop, but no village's outlet has a web address (villages[].outlet.url) to send scans to")
    }

    // MARK: Certificates

    private func checkCertificates() {
        guard let rules = standard.certificates else { return }
        let known = Set(standard.categories.map(\.id))
        for (index, category) in rules.categories.enumerated() where !known.contains(category) {
            report(.categoryUnknown, "/certificates/categories/\(index)",
                   zh: "合格证品类“\(category)”不是本品牌的品类（品类：\(standard.categories.map(\.id).joined(separator: ", "))）",
                   en: "certificate category “\(category)” is not one of the brand's (categories: \(standard.categories.map(\.id).joined(separator: ", ")))")
        }
        reportDuplicates(rules.categories, in: "/certificates/categories", idKey: "", what: LocalizedText(zh: "合格证品类", en: "certificate category"))
        let lists: [(String, Int, LocalizedText)] = [
            ("categories", rules.categories.count, LocalizedText(zh: "品类", en: "category")),
            ("commitments", rules.commitments.count, LocalizedText(zh: "承诺内容", en: "commitment")),
            ("bases", rules.bases.count, LocalizedText(zh: "承诺依据", en: "basis")),
        ]
        for (key, count, what) in lists where count == 0 {
            report(.valueInvalid, "/certificates/\(key)", zh: "certificates.\(key) 至少要列出一项\(what.zh)",
                   en: "certificates.\(key) must list at least one \(what.en)")
        }
    }

    private func report(_ rule: LintRule, _ pointer: String, zh: String, en: String, severity: Diagnostic.Severity = .error) {
        collector.report(rule, LocalizedText(zh: zh, en: en), pointer: pointer, severity: severity)
    }

    private func reportDuplicates(_ ids: [String], in pointer: String, idKey: String = "id", what: LocalizedText) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            report(.idDuplicate, "\(pointer)/\(index)/\(idKey)",
                   zh: "\(what.zh)“\(id)”重复出现", en: "\(what.en) “\(id)” appears more than once")
        }
    }

    // MARK: Identity, dates, resolver

    /// Where the standard is in its life, as publishing will treat it: a draft is not
    /// published, a retired or expired one closes the brand, a future one waits.
    private func checkLife(today: CalendarDay) {
        // A status that could not be read was reported already (and read as a draft).
        let statusUnreadable = collector.diagnostics.contains { $0.pointer == "/status" }
        switch statusUnreadable ? .active : standard.status {
        case .draft:
            report(.standardDraft, "/status", zh: "标准状态为 draft（草稿）：不会被发布，可用 brands publish --dry-run 预览",
                   en: "the standard is a draft: it will not be published (preview it with brands publish --dry-run)", severity: .warning)
        case .retired:
            report(.standardRetired, "/status", zh: "标准已废止（retired）：发布后品牌的产品退出目录，不再发放标签",
                   en: "the standard is retired: once published, the brand's products leave the catalog and no labels are issued", severity: .warning)
        case .active:
            break
        }
        if today < standard.effective.from {
            report(.standardScheduled, "/effective/from", zh: "生效日期 \(standard.effective.from) 尚未到来：发布后在此日生效，此前沿用现行版本",
                   en: "effective-from \(standard.effective.from) is still ahead: published, it comes into force that day and the current version stays until then",
                   severity: .warning)
        }
        if let to = standard.effective.to, to < today {
            report(.standardExpired, "/effective/to", zh: "失效日期 \(to) 已过：发布后品牌的产品退出目录，不再发放标签",
                   en: "effective-to \(to) has passed: once published, the brand's products leave the catalog and no labels are issued", severity: .warning)
        }
    }

    private func checkIdentity() {
        if !standard.id.isEmpty && standard.id != folderName && folderName != "." {
            report(.brandIDMismatch, "/id",
                   zh: "品牌标识“\(standard.id)”与所在文件夹“\(folderName)”不一致",
                   en: "brand id “\(standard.id)” differs from its folder name “\(folderName)”", severity: .warning)
        }
        if let to = standard.effective.to, to < standard.effective.from {
            report(.datesEffectiveOrder, "/effective/to",
                   zh: "失效日期 \(to) 早于生效日期 \(standard.effective.from)",
                   en: "effective-to \(to) is before effective-from \(standard.effective.from)")
        }
        checkLife(today: .today())
        guard !standard.resolver.isEmpty else { return }
        guard let url = URLComponents(string: standard.resolver), let scheme = url.scheme,
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
            report(.resolverInvalid, "/resolver",
                   zh: "解析器地址“\(standard.resolver)”不是有效的 URL（应如 https://id.example.cn）",
                   en: "resolver “\(standard.resolver)” is not a valid base URL (expected something like https://id.example.cn)")
            return
        }
        if scheme.lowercased() != "https" {
            report(.resolverNotHTTPS, "/resolver",
                   zh: "解析器地址应使用 https，扫码者才能确认来源",
                   en: "the resolver should use https so that people who scan can trust where they land",
                   severity: .warning)
        }
    }

    // MARK: Brand model and series

    private func checkModel() {
        switch standard.model {
        case .nPlusX:
            guard let series = standard.series else {
                report(.modelMismatch, "/model",
                       zh: "n_plus_x 模式的品牌必须有 series（核心品类与开放品类）",
                       en: "a brand of model n_plus_x needs a series (core categories and the open category)")
                return
            }
            checkSeries(series)
        case .geographicalIndication:
            if standard.categories.count != 1 {
                report(.modelMismatch, "/categories",
                       zh: "地理标志品牌只有一个产品品类，实际有 \(standard.categories.count) 个",
                       en: "a geographical-indication brand has exactly one product category, found \(standard.categories.count)")
            }
        case .oneVillageOneProduct:
            if standard.villages.isEmpty {
                report(.modelMismatch, "/model",
                       zh: "“一村一品一店”品牌必须列出村（villages）",
                       en: "a one-village-one-product brand must list its villages")
            }
        }
        if standard.model != .nPlusX, standard.series != nil {
            report(.keyNotApplicable, "/series",
                   zh: "只有 n_plus_x 模式的品牌才有 series", en: "only brands of model n_plus_x have a series")
        }
    }

    private func checkSeries(_ series: BrandSeries) {
        if series.core.count != series.coreCount {
            report(.seriesCoreCount, "/series/core",
                   zh: "\(series.coreCount)+X 品牌应有 \(series.coreCount) 个核心品类，实际列出 \(series.core.count) 个",
                   en: "a \(series.coreCount)+X brand needs \(series.coreCount) core categories, found \(series.core.count)")
        }
        reportDuplicates(series.core, in: "/series/core", idKey: "", what: LocalizedText(zh: "核心品类", en: "core category"))
        for (index, id) in series.core.enumerated() where standard.category(id) == nil {
            report(.categoryUnknown, "/series/core/\(index)",
                   zh: "核心品类“\(id)”未在 categories 中定义", en: "core category “\(id)” is not defined under categories")
        }
        if let open = series.open {
            if standard.category(open.category) == nil {
                report(.categoryUnknown, "/series/open/category",
                       zh: "开放品类“\(open.category)”未在 categories 中定义",
                       en: "open category “\(open.category)” is not defined under categories")
            }
            if series.core.contains(open.category) {
                report(.valueInvalid, "/series/open/category",
                       zh: "开放品类“\(open.category)”不能同时是核心品类",
                       en: "open category “\(open.category)” cannot also be a core category")
            }
        }
    }

    // MARK: Villages

    private func checkVillages() {
        reportDuplicates(standard.villages.map(\.code.digits), in: "/villages", idKey: "code",
                         what: LocalizedText(zh: "村代码", en: "village code"))
        for (index, village) in standard.villages.enumerated() {
            if !standard.region.codes.isEmpty && !standard.region.contains(village.code) {
                let region = standard.region.codes.map(\.digits).joined(separator: ", ")
                report(.villageOutsideRegion, "/villages/\(index)/code",
                       zh: "村“\(village.name.zh)”（\(village.code)）不在品牌产区 \(region) 内",
                       en: "village “\(village.name.en)” (\(village.code)) lies outside the brand's region \(region)")
            }
            if standard.category(village.product) == nil {
                report(.categoryUnknown, "/villages/\(index)/product",
                       zh: "村的主导产品“\(village.product)”未在 categories 中定义",
                       en: "the village's product “\(village.product)” is not defined under categories")
            }
        }
    }

    // MARK: Categories and attributes

    private func checkCategories() {
        reportDuplicates(standard.categories.map(\.id), in: "/categories", what: LocalizedText(zh: "品类", en: "category"))
        for (index, category) in standard.categories.enumerated() {
            let pointer = "/categories/\(index)"
            reportDuplicates(category.attributes.map(\.id), in: "\(pointer)/attributes",
                             what: LocalizedText(zh: "属性", en: "attribute"))
            for (attributeIndex, attribute) in category.attributes.enumerated() {
                checkAttribute(attribute, in: category, at: "\(pointer)/attributes/\(attributeIndex)")
            }
        }
        checkColumnNames()
    }

    /// Each attribute's id and aliases name its column in product files: none may be
    /// another attribute's, or a product field's (`sku`, `货号`).
    private func checkColumnNames() {
        for clash in ColumnVocabulary(standard: standard).clashes {
            let pointer = "/categories/\(clash.category)/attributes/\(clash.attribute)" + (clash.alias.map { "/aliases/\($0)" } ?? "/id")
            let other = switch clash.other {
            case .field(let field): ("产品字段“\(field.name)”", "the product field “\(field.name)”")
            case .attribute(let id): ("属性“\(id)”", "the attribute “\(id)”")
            case .findings: ("错误文件的问题列", "the findings column of error files")
            }
            report(.attributeNameClash, pointer,
                   zh: "列名“\(clash.name)”已用于\(other.0)：产品文件中的表头会无法区分，请换一个别名",
                   en: "the column name “\(clash.name)” already stands for \(other.1): product file headers could not tell them apart; choose another")
        }
    }

    private func checkAttribute(_ attribute: AttributeRequirement, in category: ProductCategory, at pointer: String) {
        reportDuplicates(attribute.options.map(\.id), in: "\(pointer)/options", what: LocalizedText(zh: "选项", en: "option"))
        checkBounds(min: attribute.min, max: attribute.max, at: pointer)
        for (caseIndex, boundsCase) in attribute.cases.enumerated() {
            let casePointer = "\(pointer)/cases/\(caseIndex)"
            checkBounds(min: boundsCase.min, max: boundsCase.max, at: casePointer)
            for (conditionID, optionID) in boundsCase.when.sorted(by: { $0.key < $1.key }) {
                let conditionPointer = "\(casePointer)/when/\(conditionID)"
                guard let condition = category.attribute(conditionID) else {
                    report(.attributeUnknown, conditionPointer,
                           zh: "条件中的属性“\(conditionID)”不在品类“\(category.id)”中",
                           en: "condition names “\(conditionID)”, which is not an attribute of category “\(category.id)”")
                    continue
                }
                guard condition.type == .enumeration else {
                    report(.valueInvalid, conditionPointer,
                           zh: "条件只能基于枚举属性，“\(conditionID)”是 \(condition.type.rawValue)",
                           en: "conditions can only test enum attributes; “\(conditionID)” is \(condition.type.rawValue)")
                    continue
                }
                if !condition.options.contains(where: { $0.id == optionID }) {
                    let allowed = condition.options.map(\.id).joined(separator: ", ")
                    report(.optionUnknown, conditionPointer,
                           zh: "“\(optionID)”不是属性“\(conditionID)”的选项（\(allowed)）",
                           en: "“\(optionID)” is not an option of “\(conditionID)” (\(allowed))")
                }
            }
        }
    }

    private func checkBounds(min: AttributeBound?, max: AttributeBound?, at pointer: String) {
        guard let min, let max else { return }
        let minAboveMax: Bool = switch (min, max) {
        case (.number(let low), .number(let high)): low > high
        case (.quantity(let low), .quantity(let high)): low.compare(to: high) == .orderedDescending
        case (.date(let low), .date(let high)): low > high
        default: false
        }
        if minAboveMax {
            report(.boundsMinAboveMax, "\(pointer)/min",
                   zh: "最小值 \(min.text(.zh)) 大于最大值 \(max.text(.zh))",
                   en: "minimum \(min.text(.en)) is above maximum \(max.text(.en))")
        }
    }

    // MARK: Labels

    private func checkLabels() {
        let labels = standard.labels
        reportDuplicates(labels.sizes.map(\.id), in: "/labels/sizes", what: LocalizedText(zh: "标签尺寸", en: "label size"))
        let attributeIDs = Set(standard.categories.flatMap { $0.attributes.map(\.id) })
        for (index, field) in labels.requiredFields.enumerated()
        where !LabelRules.productFields.contains(field) && !attributeIDs.contains(field) {
            report(.labelFieldUnknown, "/labels/required_fields/\(index)",
                   zh: "标签必备字段“\(field)”既不是产品字段，也不是任何品类的属性",
                   en: "required label field “\(field)” names neither a product field nor an attribute of any category")
        }
        for (index, dpi) in labels.dpi.enumerated() where dpi < labels.minDPI {
            report(.labelDPIBelowMinimum, "/labels/dpi/\(index)",
                   zh: "分辨率 \(dpi) dpi 低于最低要求 \(labels.minDPI) dpi",
                   en: "\(dpi) dpi is below the minimum of \(labels.minDPI) dpi")
        }
        checkModuleSize(labels)
        if labels.qr.quietZoneModules < 4 {
            report(.labelQuietZone, "/labels/qr/quiet_zone_modules",
                   zh: "二维码静区至少 4 个模块，实际 \(labels.qr.quietZoneModules)",
                   en: "a QR quiet zone needs at least 4 modules, found \(labels.qr.quietZoneModules)")
        }
        checkBrandMark(labels.brandMark)
    }

    private func checkModuleSize(_ labels: LabelRules) {
        let qr = labels.qr
        if let maxModule = qr.maxModuleMM, maxModule < qr.minModuleMM {
            report(.boundsMinAboveMax, "/labels/qr/min_module_mm",
                   zh: "最小模块 \(qr.minModuleMM.plainText) mm 大于最大模块 \(maxModule.plainText) mm",
                   en: "minimum module \(qr.minModuleMM.plainText) mm is above maximum module \(maxModule.plainText) mm")
            return
        }
        let printable = labels.dpi.filter { $0 >= labels.minDPI }
        guard !printable.isEmpty, !printable.contains(where: { qr.module(atDPI: $0) != nil }) else { return }
        let bounds = qr.maxModuleMM.map { "\(qr.minModuleMM.plainText)–\($0.plainText) mm" } ?? "\(qr.minModuleMM.plainText) mm"
        let resolutions = printable.map(String.init).joined(separator: ", ")
        report(.labelModuleUnprintable, "/labels/qr/min_module_mm",
               zh: "在允许的分辨率（\(resolutions) dpi）下，没有整数个打印点能构成 \(bounds) 的二维码模块",
               en: "no whole number of dots at the allowed resolutions (\(resolutions) dpi) makes a QR module of \(bounds)")
    }

    private func checkBrandMark(_ path: String) {
        guard !path.isEmpty else { return }
        let assets = assetsDirectory.standardizedFileURL.resolvingSymlinksInPath()
        let mark = assets.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        let insideAssets = !path.hasPrefix("/") && mark.path.hasPrefix(assets.path + "/")
        guard insideAssets else {
            report(.labelMarkOutsideAssets, "/labels/brand_mark",
                   zh: "品牌标志路径“\(path)”离开了 Assets/ 文件夹；请写 Assets/ 内的相对路径",
                   en: "brand mark path “\(path)” leaves the Assets/ folder; give a path relative to Assets/")
            return
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: mark.path, isDirectory: &isDirectory) || isDirectory.boolValue {
            report(.labelMarkMissing, "/labels/brand_mark",
                   zh: "找不到品牌标志文件 Assets/\(path)", en: "brand mark Assets/\(path) does not exist")
        } else if let problem = PNGStructure.problem(in: Array(FileManager.default.contents(atPath: mark.path) ?? Data())) {
            report(.labelMarkUnreadable, "/labels/brand_mark",
                   zh: "品牌标志 Assets/\(path) \(problem.zh)", en: "brand mark Assets/\(path) \(problem.en)")
        }
    }
}
