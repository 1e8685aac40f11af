import Foundation
import Measures
import Yams

/// Turns a brand file's YAML nodes into a `BrandStandard`, reporting every
/// structural problem (unknown keys, wrong types, bad units) to the collector.
/// Values that cannot be read are left out, so that reading goes on.
struct BrandStandardLoader {
    let collector: DiagnosticCollector

    func load(_ root: Node) -> BrandStandard? {
        let value = YAMLValue(node: root, pointer: "", collector: collector)
        guard let brand = value.mapping(allowed: [
            "id", "model", "name", "owner", "version", "status", "effective", "region", "jin_region",
            "resolver", "resolving", "series", "villages", "categories", "labels", "certificates",
        ]) else { return nil }

        let region = brand.required("region").flatMap(region)
        let jinRegion = brand["jin_region"]?.choice(JinRegion.self) ?? region.flatMap { JinRegion(country: $0.country) }
        let model = brand.required("model")?.choice(BrandModel.self)
        return BrandStandard(
            id: brand.required("id")?.identifier() ?? "",
            model: model ?? .nPlusX,
            name: brand.required("name")?.localized() ?? LocalizedText(zh: "", en: ""),
            owner: brand.required("owner")?.localized() ?? LocalizedText(zh: "", en: ""),
            version: brand.required("version")?.nonEmptyString() ?? "",
            status: brand.required("status")?.choice(StandardStatus.self) ?? .draft,
            effective: brand.required("effective").flatMap(effectivePeriod) ?? EffectivePeriod(from: CalendarDay("2000-01-01")!),
            region: region ?? ProductionRegion(country: "CN", codes: []),
            jinRegion: jinRegion,
            resolver: brand.required("resolver")?.nonEmptyString() ?? "",
            resolving: brand["resolving"].flatMap(resolverRules),
            series: brand["series"].flatMap(series),
            villages: brand["villages"]?.list(village) ?? [],
            categories: brand.required("categories")?.list { category($0, jinRegion: jinRegion) } ?? [],
            labels: brand.required("labels").flatMap(labelRules) ?? LabelRules.empty,
            certificates: brand["certificates"].flatMap(certificateRules)
        )
    }

    private func resolverRules(_ value: YAMLValue) -> ResolverRules? {
        guard let rules = value.mapping(allowed: ["default_link", "suspicious_scans"]) else { return nil }
        return ResolverRules(defaultLink: rules["default_link"]?.choice(ResolverRules.DefaultLink.self) ?? ResolverRules.standard.defaultLink,
                             suspiciousScans: rules["suspicious_scans"]?.integer(in: 1...100_000) ?? ResolverRules.standard.suspiciousScans)
    }

    private func certificateRules(_ value: YAMLValue) -> CertificateRules? {
        guard let rules = value.mapping(allowed: ["categories", "commitments", "bases"]) else { return nil }
        return CertificateRules(
            categories: rules.required("categories")?.list { $0.identifier() } ?? [],
            commitments: rules["commitments"]?.list { $0.choice(CertificateCommitment.self) } ?? CertificateCommitment.allCases,
            bases: rules["bases"]?.list { $0.choice(CertificateBasis.self) } ?? CertificateBasis.allCases
        )
    }

    private func effectivePeriod(_ value: YAMLValue) -> EffectivePeriod? {
        guard let period = value.mapping(allowed: ["from", "to"]),
              let from = period.required("from")?.day() else { return nil }
        return EffectivePeriod(from: from, to: period["to"]?.day())
    }

    private func region(_ value: YAMLValue) -> ProductionRegion? {
        guard let region = value.mapping(allowed: ["country", "codes", "name"]) else { return nil }
        let country = region.required("country")?.string() ?? "CN"
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            region["country"]?.report(.valueInvalid, LocalizedText(
                zh: "国家应为 ISO 3166-1 两位字母代码（如 CN），实际是“\(country)”",
                en: "country must be an ISO 3166-1 alpha-2 code such as CN, found “\(country)”"
            ))
        }
        let codes = region.required("codes")?.list(administrativeCode) ?? []
        return ProductionRegion(country: country, codes: codes, name: region["name"]?.localized())
    }

    private func administrativeCode(_ value: YAMLValue) -> AdministrativeCode? {
        guard let text = value.string() else { return nil }
        guard let code = AdministrativeCode(text) else {
            value.report(.regionCodeMalformed, LocalizedText(
                zh: "行政区划代码“\(text)”无效：应为 6、9 或 12 位数字，前两位是省级代码",
                en: "administrative code “\(text)” is malformed: expected 6, 9 or 12 digits starting with a province code"
            ))
            return nil
        }
        return code
    }

    private func series(_ value: YAMLValue) -> BrandSeries? {
        guard let series = value.mapping(allowed: ["core_count", "core", "open"]) else { return nil }
        let open = series["open"]?.mapping(allowed: ["category", "approval"]).flatMap { open -> OpenCategory? in
            guard let category = open.required("category")?.identifier(),
                  let approval = open.required("approval")?.choice(Approver.self) else { return nil }
            return OpenCategory(category: category, approval: approval)
        }
        return BrandSeries(
            coreCount: series.required("core_count")?.integer(in: 1...99) ?? 0,
            core: series.required("core")?.list { $0.identifier() } ?? [],
            open: open
        )
    }

    private func village(_ value: YAMLValue) -> Village? {
        guard let village = value.mapping(allowed: ["code", "name", "product", "outlet"]) else { return nil }
        let code = village.required("code").flatMap(administrativeCode)
        let name = village.required("name")?.localized()
        let product = village.required("product")?.identifier()
        let outlet = village["outlet"]?.mapping(allowed: ["name", "url"]).flatMap { outlet -> Outlet? in
            guard let name = outlet.required("name")?.localized() else { return nil }
            return Outlet(name: name, url: outlet["url"]?.nonEmptyString())
        }
        guard let code, let name, let product else { return nil }
        return Village(code: code, name: name, product: product, outlet: outlet)
    }

    private func category(_ value: YAMLValue, jinRegion: JinRegion?) -> ProductCategory? {
        guard let category = value.mapping(allowed: ["id", "name", "standard_code", "attributes", "carries_labels", "label_fields"]) else { return nil }
        let id = category.required("id")?.identifier()
        let name = category.required("name")?.localized()
        let attributes = category.required("attributes")?.list {
            AttributeRequirementLoader(jinRegion: jinRegion).load($0)
        } ?? []
        guard let id, let name else { return nil }
        return ProductCategory(id: id, name: name, standardCode: category["standard_code"]?.nonEmptyString(), attributes: attributes,
                               carriesLabels: category["carries_labels"]?.boolean() ?? true,
                               labelFields: category["label_fields"]?.list { $0.identifier() })
    }

    private func labelRules(_ value: YAMLValue) -> LabelRules? {
        guard let labels = value.mapping(allowed: [
            "sizes", "min_dpi", "dpi", "required_fields", "brand_mark", "colours", "languages", "qr", "min_text_height_mm",
            "net_content_as_entered",
        ]) else { return nil }
        let minDPI = labels.required("min_dpi")?.integer(in: 72...2400) ?? 0
        let dpi = labels["dpi"]?.list { $0.integer(in: 72...2400) }
            ?? LabelRules.standardPrinterDPI.filter { $0 >= minDPI }
        var rules = LabelRules(
            sizes: labels.required("sizes")?.list(labelSize) ?? [],
            minDPI: minDPI,
            dpi: dpi,
            requiredFields: labels["required_fields"]?.list { $0.identifier() } ?? [],
            brandMark: labels.required("brand_mark")?.nonEmptyString() ?? "",
            colours: labels["colours"].flatMap(colours) ?? [:],
            languages: labels["languages"]?.list { $0.choice(Language.self) } ?? Language.allCases,
            qr: labels.required("qr").flatMap(qrRules) ?? QRRules.standard,
            minTextHeightMM: labels["min_text_height_mm"]?.decimal(positive: true)
        )
        rules.netContentAsEntered = labels["net_content_as_entered"]?.boolean() ?? false
        return rules
    }

    private func labelSize(_ value: YAMLValue) -> LabelSize? {
        guard let size = value.mapping(allowed: ["id", "width_mm", "height_mm"]) else { return nil }
        let id = size.required("id")?.identifier()
        let width = size.required("width_mm")?.decimal(positive: true)
        let height = size.required("height_mm")?.decimal(positive: true)
        guard let id, let width, let height else { return nil }
        return LabelSize(id: id, widthMM: width, heightMM: height)
    }

    private func colours(_ value: YAMLValue) -> [String: String]? {
        guard let colours = value.mapping(allowed: LabelRules.colourNames) else { return nil }
        var result: [String: String] = [:]
        for name in LabelRules.colourNames {
            guard let entry = colours[name], let hex = entry.string() else { continue }
            let digits = hex.dropFirst()
            guard !hex.isEmpty else {
                // `primary: #1F6F3F` reads as an empty value and a comment.
                entry.report(.valueInvalid, LocalizedText(
                    zh: "颜色“\(name)”没有值：YAML 中未加引号的 # 表示注释；请加引号，如 \(name): \"#1F6F3F\"",
                    en: "colour “\(name)” has no value: in YAML an unquoted # starts a comment; quote it, as in \(name): \"#1F6F3F\""))
                continue
            }
            guard hex.first == "#", digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
                entry.report(.valueInvalid, LocalizedText(zh: "颜色应写作 #RRGGBB，实际是“\(hex)”", en: "a colour is written #RRGGBB, found “\(hex)”"))
                continue
            }
            result[name] = hex.uppercased()
        }
        return result
    }

    private func qrRules(_ value: YAMLValue) -> QRRules? {
        guard let qr = value.mapping(allowed: ["min_error_correction", "min_module_mm", "max_module_mm", "quiet_zone_modules"]) else {
            return nil
        }
        return QRRules(
            minErrorCorrection: qr["min_error_correction"]?.choice(ErrorCorrectionLevel.self) ?? .M,
            minModuleMM: qr.required("min_module_mm")?.decimal(positive: true) ?? QRRules.standard.minModuleMM,
            maxModuleMM: qr["max_module_mm"]?.decimal(positive: true),
            quietZoneModules: qr["quiet_zone_modules"]?.integer(in: 0...40) ?? 4
        )
    }
}

extension LabelRules {
    /// The resolutions label printers come in, used when a standard lists none.
    static let standardPrinterDPI = [203, 300, 600]

    /// Stand-in rules while a standard's own could not be read.
    static let empty = LabelRules(
        sizes: [], minDPI: 0, dpi: [], requiredFields: [], brandMark: "", colours: [:],
        languages: Language.allCases, qr: .standard, minTextHeightMM: nil
    )
}

extension QRRules {
    /// GS1's guidance for packaging: level M, about 0.40 mm modules, 4 modules quiet zone.
    static let standard = QRRules(minErrorCorrection: .M, minModuleMM: Decimal(string: "0.4")!, maxModuleMM: nil, quietZoneModules: 4)
}
