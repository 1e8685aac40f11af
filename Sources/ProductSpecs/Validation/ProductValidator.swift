import BrandStandards
import DigitalLink
import Foundation
import Measures

/// Validates products against one version of a brand standard. Every finding is
/// collected, never only the first, in a deterministic order.
public struct ProductValidator {
    /// The standard products are validated against.
    public let standard: BrandStandard
    private let producers: ((String) -> Producer?)?
    private let today: CalendarDay
    private let attributeReader: AttributeReader
    /// What each category's labels need from a product, by category id.
    private let labelNeeds: [String: LabelNeeds]

    /// Creates a validator.
    /// - Parameters:
    ///   - standard: the standard version to validate against.
    ///   - today: the day producers' validity is judged on.
    ///   - producers: looks up a producer by id; `nil` skips the producer checks (to
    ///     validate a file without a store).
    public init(standard: BrandStandard, today: CalendarDay, producers: ((String) -> Producer?)?) {
        self.standard = standard
        self.today = today
        self.producers = producers
        self.attributeReader = AttributeReader(standard: standard)
        labelNeeds = Dictionary(uniqueKeysWithValues: standard.categories.compactMap { category in
            LabelNeeds(category: category, standard: standard).map { (category.id, $0) }
        })
    }

    /// What validating one product gave: the product as read (when its identity could
    /// be read at all) and the report.
    public struct Outcome: Sendable {
        public let product: Product?
        public let report: ComplianceReport
    }

    /// Validates one product.
    /// - Parameters:
    ///   - defaultProducer: the producer when the input names none.
    ///   - memo: attribute texts this thread already read, to validate many rows
    ///     faster; the outcome is the same with or without.
    public func validate(_ input: ProductInput, defaultProducer: String? = nil, memo: AttributeMemo? = nil) -> Outcome {
        var findings = FindingList(input: input)
        for (name, scalar) in input.fieldsWithControlCharacters {
            findings.error("text.control_character", name, expected: "text without control characters", found: scalar.codePointText,
                           zh: "“\(name)”含有控制字符 \(scalar.codePointText)（如 NUL）；请删除后重新提交",
                           en: "“\(name)” holds the control character \(scalar.codePointText) (such as a NUL); remove it and send it again")
        }

        let sku = input.field(.sku)
        if let sku {
            // By scalars and bytes: walking Characters costs grapheme breaking on every row.
            let tooLong = sku.utf8.count > 64 && sku.count > 64
            if tooLong || sku.unicodeScalars.contains(where: \.isSpace) {
                findings.error("sku.format", "sku", expected: "1–64 characters, no spaces", found: sku,
                               zh: "货号“\(sku)”不能含空格，且不超过 64 个字符", en: "sku “\(sku)” must have no spaces and at most 64 characters")
            }
        } else {
            findings.error("field.missing", "sku", expected: "a sku", zh: "缺少货号（sku）", en: "the sku is missing")
        }

        var gtin: GTIN?
        if let text = input.field(.gtin) {
            do throws(GTIN.Problem) { gtin = try GTIN(text) } catch {
                switch error {
                case .notDigits where SpreadsheetValues.isScientific(text):
                    findings.error("gtin.scientific", "gtin", expected: "8, 12, 13 or 14 digits", found: text,
                                   zh: "GTIN“\(text)”被电子表格当成了数字（科学计数法），末尾几位已丢失：请把该列设为“文本”格式后重新输入条码（或用 terroir products template 生成的表格）",
                                   en: "GTIN “\(text)” was turned into a number by the spreadsheet (scientific notation) and lost its last digits: format the column as Text and type the GTIN again (or start from terroir products template)")
                case .notDigits:
                    findings.error(error.code, "gtin", expected: "8, 12, 13 or 14 digits", found: text,
                                   zh: "GTIN“\(text)”只能包含数字", en: "GTIN “\(text)” must be digits only")
                case .length(let count):
                    findings.error(error.code, "gtin", expected: "8, 12, 13 or 14 digits", found: "\(count) digits",
                                   zh: "GTIN 应为 8、12、13 或 14 位，实际 \(count) 位", en: "a GTIN has 8, 12, 13 or 14 digits, found \(count)")
                case .checkDigit(let expected, let found):
                    findings.error(error.code, "gtin", expected: String(expected), found: String(found),
                                   zh: "GTIN“\(text)”校验位错误：应为 \(expected)，实际是 \(found)",
                                   en: "GTIN “\(text)” has a wrong check digit: expected \(expected), found \(found)")
                }
            }
        }

        let nameZh = input.field(.nameZh)
        if nameZh == nil {
            findings.error("field.missing", "name_zh", expected: "a Chinese name", zh: "缺少中文名称（name_zh）", en: "the Chinese name (name_zh) is missing")
        }

        let origin = readOrigin(input, into: &findings)
        let producerID = input.field(.producer) ?? defaultProducer
        let categoryID = input.field(.category)
        let category = categoryID.flatMap { attributeReader.rules(for: $0) }
        checkCategory(categoryID, known: category != nil, into: &findings)
        checkProducer(producerID, category: categoryID, into: &findings)
        let price = readPrice(input, into: &findings)
        let availability = readAvailability(input, into: &findings)

        let attributes = category.map { attributeReader.read(input, category: $0, memo: memo, into: &findings) } ?? []
        if let categoryID, let needs = labelNeeds[categoryID] { needs.check(input, attributes: attributes, into: &findings) }

        let report = ComplianceReport(brandID: standard.id, standardVersion: standard.version, findings: findings.items)
        guard let sku, let categoryID else { return Outcome(product: nil, report: report) }
        let product = Product(
            brandID: standard.id, producerID: producerID ?? "", sku: sku, gtin: gtin,
            name: LocalizedText(zh: nameZh ?? "", en: input.field(.nameEn) ?? ""),
            description: input.field(.description), category: categoryID, attributes: attributes,
            origin: origin, outlet: input.field(.outlet), price: price, availability: availability,
            status: report.isCompliant ? .compliant : .nonCompliant
        )
        return Outcome(product: product, report: report)
    }

    private func readOrigin(_ input: ProductInput, into findings: inout FindingList) -> AdministrativeCode? {
        guard let text = input.field(.origin) else {
            findings.error("field.missing", "origin", expected: "an administrative division code",
                           zh: "缺少产地行政区划代码（origin）", en: "the origin (an administrative division code) is missing")
            return nil
        }
        let code = AdministrativeCode(text)
        if code == nil, SpreadsheetValues.isScientific(text) {
            findings.error("origin.scientific", "origin", expected: "6, 9 or 12 digits", found: text,
                           zh: "产地代码“\(text)”被电子表格当成了数字（科学计数法），末尾几位已丢失：请把该列设为“文本”格式后重新输入",
                           en: "origin “\(text)” was turned into a number by the spreadsheet (scientific notation) and lost its last digits: format the column as Text and type the code again")
            return nil
        }
        guard let code else {
            findings.error("origin.malformed", "origin", expected: "6, 9 or 12 digits", found: text,
                           zh: "产地代码“\(text)”无效：应为 6、9 或 12 位行政区划代码",
                           en: "origin “\(text)” is not an administrative division code of 6, 9 or 12 digits")
            return nil
        }
        if !standard.region.contains(code) {
            let region = standard.region.codes.map(\.digits).joined(separator: ", ")
            findings.error("origin.outside_region", "origin", expected: region, found: text,
                           zh: "产地 \(text) 不在品牌产区（\(region)）内", en: "origin \(text) lies outside the brand's region (\(region))")
        }
        return code
    }

    private func checkCategory(_ id: String?, known: Bool, into findings: inout FindingList) {
        guard let id else {
            findings.error("field.missing", "category", expected: "a category id", zh: "缺少品类（category）", en: "the category is missing")
            return
        }
        guard known else {
            let known = standard.categories.map(\.id).joined(separator: ", ")
            findings.error("category.unknown", "category", expected: known, found: id,
                           zh: "品牌没有品类“\(id)”（可选：\(known)）", en: "the brand has no category “\(id)” (one of: \(known))")
            return
        }
        if let open = standard.series?.open, open.category == id {
            findings.notice("category.requires_approval", "category", found: id,
                            zh: "“\(id)”属于开放品类（X），每个产品需经品牌官员审批后认证",
                            en: "“\(id)” is the open (X) category: each product needs an officer's approval before certification")
        }
    }

    private func checkProducer(_ id: String?, category: String?, into findings: inout FindingList) {
        guard let producers else { return }
        guard let id else {
            findings.error("field.missing", "producer", expected: "a producer id", zh: "缺少生产者（producer）", en: "the producer is missing")
            return
        }
        guard let producer = producers(id) else {
            findings.error("producer.unknown", "producer", found: id, zh: "没有登记的生产者“\(id)”", en: "no registered producer “\(id)”")
            return
        }
        if producer.status != .active {
            let reason = producer.statusReason.map { "：\($0)" } ?? ""
            let reasonEn = producer.statusReason.map { ": \($0)" } ?? ""
            let status = producer.status == .suspended ? ("已被暂停", "suspended") : ("已被撤销", "revoked")
            findings.error("producer.inactive", "producer", expected: "active", found: producer.status.rawValue,
                           zh: "生产者“\(id)”\(status.0)，当前不能销售\(reason)",
                           en: "producer “\(id)” is \(status.1) and may not sell now\(reasonEn)")
        } else if let to = producer.validTo, to < today {
            findings.error("producer.inactive", "producer", expected: "an authorisation valid on \(today)", found: "valid to \(to)",
                           zh: "生产者“\(id)”的授权已于 \(to) 到期，当前不能销售；请品牌官员续期（producers update --valid-to）",
                           en: "producer “\(id)”'s authorisation ended on \(to), so it may not sell now; an officer can extend it (producers update --valid-to)")
        } else if let from = producer.validFrom, today < from {
            findings.error("producer.inactive", "producer", expected: "an authorisation valid on \(today)", found: "valid from \(from)",
                           zh: "生产者“\(id)”的授权自 \(from) 起生效，此前不能销售",
                           en: "producer “\(id)”'s authorisation starts on \(from); it may not sell before then")
        }
        if let category, attributeReader.rules(for: category) != nil, !producer.isAuthorised(brand: standard.id, category: category) {
            findings.error("producer.not_authorised", "producer", expected: category, found: id,
                           zh: "生产者“\(id)”未获授权销售品类“\(category)”",
                           en: "producer “\(id)” is not authorised for category “\(category)”")
        }
    }

    private func readPrice(_ input: ProductInput, into findings: inout FindingList) -> Decimal? {
        guard let text = input.field(.price) else { return nil }
        guard let price = SpreadsheetValues.price(text), price >= 0, price.decimalPlaces <= 2 else {
            findings.error("price.invalid", "price", expected: "a price in CNY such as 59.00", found: text,
                           zh: "价格“\(text)”无效：应为不超过两位小数的人民币金额，如 59.00、1,280.00、89元 或 ¥98",
                           en: "price “\(text)” is not an amount in CNY with at most two decimals, such as 59.00, 1,280.00, 89元 or ¥98")
            return nil
        }
        return price
    }

    private func readAvailability(_ input: ProductInput, into findings: inout FindingList) -> Availability {
        guard let text = input.field(.availability) else { return .inStock }
        guard let availability = Availability(rawValue: text) ?? SpreadsheetValues.availability(text) else {
            let allowed = Availability.allCases.map(\.rawValue).joined(separator: ", ")
            findings.error("availability.invalid", "availability", expected: allowed, found: text,
                           zh: "供货状态“\(text)”无效（可选：\(allowed)，或 有货、缺货、预售、补货中）",
                           en: "availability “\(text)” is not one of: \(allowed) (or in stock, out of stock, preorder, backorder)")
            return .inStock
        }
        return availability
    }
}

/// Findings as they are collected, each placed with the input's locator.
struct FindingList {
    let locate: @Sendable (String) -> String
    private(set) var items: [Finding] = []

    init(input: ProductInput) {
        locate = input.locate
    }

    init(locate: @escaping @Sendable (String) -> String) {
        self.locate = locate
    }

    mutating func error(_ code: String, _ field: String, expected: String? = nil, found: String? = nil, zh: String, en: String) {
        items.append(Finding(code: code, field: field, location: locate(field), expected: expected, found: found,
                             message: LocalizedText(zh: zh, en: en)))
    }

    mutating func notice(_ code: String, _ field: String, found: String? = nil, zh: String, en: String) {
        items.append(Finding(code: code, severity: .notice, field: field, location: locate(field), found: found,
                             message: LocalizedText(zh: zh, en: en)))
    }
}
