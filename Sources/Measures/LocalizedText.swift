/// The languages Terroir speaks to people in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case zh
    case en
}

/// A text in Chinese and English, as brand standards and messages carry them.
public struct LocalizedText: Hashable, Codable, Sendable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in one language.
    public subscript(language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
