import Foundation
import Measures

/// Every header a brand's product files may use, and what each names: a product field,
/// an attribute, or a column Terroir itself adds to error files.
///
/// Names come in three ranks, and a name of a higher rank hides the same name of a
/// lower one:
/// 1. ids: the product fields' (`sku`) and the attributes' (`net_content`);
/// 2. aliases: the product fields' built-in ones (`货号`) and those the standard gives
///    its attributes (`aliases: [净含量, 重量]`);
/// 3. the attributes' own names (`净含量`, `Net content`), where unambiguous.
///
/// Two targets sharing a name of rank 1 or 2 is a clash the linter reports; sharing a
/// name of rank 3 leaves that name ambiguous, and a header using it is refused with
/// the candidates.
public struct ColumnVocabulary: Sendable {
    /// What a header names.
    public enum Target: Hashable, Sendable {
        case field(ProductField)
        case attribute(String)
        /// A column of an error file (`--errors`): the findings of the row, skipped
        /// when the fixed file is imported again.
        case findings
    }

    /// An attribute id or alias that another target already has.
    public struct Clash: Equatable, Sendable {
        /// Where the name is: category and attribute positions, and the alias's (`nil`
        /// for the attribute's id).
        public let category: Int, attribute: Int, alias: Int?
        public let name: String
        /// What else the name stands for.
        public let other: Target
    }

    /// The headers of the two columns an error file adds.
    public static let findingCodesHeader = "问题代码 finding_codes"
    public static let findingMessagesHeader = "问题说明 finding_messages"

    private struct Entry: Sendable {
        var rank: Int
        var targets: Set<Target>
    }

    private var entries: [String: Entry] = [:]
    /// Aliases of the standard's attributes that clash with another target.
    public private(set) var clashes: [Clash] = []

    /// The vocabulary of a brand's product files.
    public init(standard: BrandStandard) {
        for field in ProductField.allCases { add(field.name, .field(field), rank: 1) }
        add("finding_codes", .findings, rank: 1)
        add("finding_messages", .findings, rank: 1)
        let attributes = standard.categories.flatMap(\.attributes)
        for (categoryIndex, category) in standard.categories.enumerated() {
            for (attributeIndex, attribute) in category.attributes.enumerated() {
                if let field = ProductField(name: attribute.id) {
                    clashes.append(Clash(category: categoryIndex, attribute: attributeIndex, alias: nil, name: attribute.id, other: .field(field)))
                    continue
                }
                add(attribute.id, .attribute(attribute.id), rank: 1)
            }
        }
        for field in ProductField.allCases {
            for alias in field.aliases { add(alias, .field(field), rank: 2) }
        }
        add("问题代码", .findings, rank: 2)
        add("问题说明", .findings, rank: 2)
        for (categoryIndex, category) in standard.categories.enumerated() {
            for (attributeIndex, attribute) in category.attributes.enumerated() {
                for (aliasIndex, alias) in (attribute.aliases ?? []).enumerated() {
                    let key = ColumnHeader.normalize(alias)
                    if let entry = entries[key], let other = entry.targets.first(where: { $0 != .attribute(attribute.id) }) {
                        clashes.append(Clash(category: categoryIndex, attribute: attributeIndex, alias: aliasIndex, name: alias, other: other))
                        continue
                    }
                    add(alias, .attribute(attribute.id), rank: 2)
                }
            }
        }
        for attribute in attributes {
            add(attribute.name.zh, .attribute(attribute.id), rank: 3)
            add(attribute.name.en, .attribute(attribute.id), rank: 3)
        }
    }

    private mutating func add(_ name: String, _ target: Target, rank: Int) {
        let key = ColumnHeader.normalize(name)
        guard !key.isEmpty else { return }
        guard var entry = entries[key], entry.rank <= rank else {
            entries[key] = Entry(rank: rank, targets: [target])
            return
        }
        if entry.rank == rank {
            entry.targets.insert(target)
            entries[key] = entry
        }
    }

    /// What a header names.
    public enum Match: Equatable, Sendable {
        case target(Target)
        /// A name several targets share (sorted by id).
        case ambiguous([Target])
        case unknown
    }

    /// What `header` names: the whole header, then the header without its bracketed
    /// note, then its words together (`净含量 net_content` names `net_content` when each
    /// word names it, among others or alone).
    public func match(_ header: ColumnHeader) -> Match {
        for name in [header.normalized, header.name].compactMap({ $0 }) {
            if let targets = targets(of: name) { return Self.match(targets) }
        }
        let words = (header.name ?? header.normalized).split(separator: " ").map(String.init)
        guard words.count > 1 else { return .unknown }
        var common: Set<Target>?
        for word in words {
            guard let targets = targets(of: word) else { return .unknown }
            common = common.map { $0.intersection(targets) } ?? targets
        }
        guard let common, !common.isEmpty else { return .unknown }
        return Self.match(common)
    }

    private func targets(of name: String) -> Set<Target>? {
        entries[name]?.targets ?? entries[name.replacingOccurrences(of: " ", with: "_")]?.targets
    }

    private static func match(_ targets: Set<Target>) -> Match {
        targets.count == 1 ? .target(targets.first!) : .ambiguous(targets.sorted { $0.id < $1.id })
    }

    /// Whether `name` names exactly `target`, so that a template may use it as a header.
    public func names(_ name: String, exactly target: Target) -> Bool {
        match(ColumnHeader(name)) == .target(target)
    }

    /// The names of rank 1 and 2 and the unambiguous ones of rank 3, normalised: what
    /// a misspelt header is compared with.
    public var knownNames: [String] {
        entries.filter { $0.value.targets.count == 1 }.keys.sorted()
    }

    /// The header a name normalised to, as `knownNames` gives it, stands for.
    public func target(ofKnownName name: String) -> Target? {
        guard let entry = entries[name], entry.targets.count == 1 else { return nil }
        return entry.targets.first
    }
}

extension ColumnVocabulary.Target {
    /// The id the target goes by: the field's or attribute's id.
    public var id: String {
        switch self {
        case .field(let field): field.name
        case .attribute(let id): id
        case .findings: "finding_codes"
        }
    }
}
