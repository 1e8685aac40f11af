/// Why a text is not a valid GS1 Digital Link URI, or a value cannot go into one.
/// Each case has a stable code.
public enum DigitalLinkError: Error, Equatable, Sendable {
    /// Not an http(s) URI with a host.
    case notAURI(String)
    /// No `/01/{gtin}` (or legacy `/gtin/{gtin}`) in the path.
    case missingPrimaryKey
    /// An empty segment (`//`) in the resolver's path, which URI normalisation may
    /// drop: the URI would not come back as it was.
    case emptySegment(String)
    /// The GTIN is not valid.
    case gtin(GTIN.Problem)
    /// A key qualifier out of order: 22, then 10, then 21.
    case qualifierOrder(String)
    /// The same key qualifier twice.
    case duplicateQualifier(String)
    /// A path element that is no key qualifier of a GTIN.
    case unknownPathElement(String)
    /// A value with a character outside the GS1 82-character set.
    case invalidCharacter(ai: String, value: String)
    /// A value of the wrong length (lot, serial and CPV: 1 to 20 characters).
    case invalidLength(ai: String, value: String)
    /// `.` or `..`, which URI normalisation would remove from the path.
    case dotSegment(ai: String, value: String)
    /// A malformed percent-escape.
    case badEscape(String)
    /// A data attribute whose value has the wrong form (a date that is not YYMMDD, say).
    case invalidAttribute(ai: String, value: String)
    /// A key or key qualifier (01, 22, 10, 21) in the query string: it belongs in the path.
    case keyInQuery(String)
    /// A data attribute given twice in the query string.
    case duplicateAttribute(String)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .notAURI: "dl.not_a_uri"
        case .missingPrimaryKey: "dl.primary_key_missing"
        case .emptySegment: "dl.empty_segment"
        case .gtin(let problem): problem.code
        case .qualifierOrder: "dl.qualifier_order"
        case .duplicateQualifier: "dl.qualifier_duplicate"
        case .unknownPathElement: "dl.unknown_path_element"
        case .invalidCharacter: "dl.value_charset"
        case .invalidLength: "dl.value_length"
        case .dotSegment: "dl.value_dot_segment"
        case .badEscape: "dl.percent_encoding"
        case .invalidAttribute: "dl.attribute_format"
        case .keyInQuery: "dl.key_in_query"
        case .duplicateAttribute: "dl.attribute_duplicate"
        }
    }
}

extension DigitalLinkError {
    /// What is wrong, in Chinese and English.
    public var explanation: (zh: String, en: String) {
        switch self {
        case .notAURI(let text): ("“\(text)”不是 http(s) 网址", "“\(text)” is not an http(s) URI")
        case .missingPrimaryKey: ("路径中没有 /01/{GTIN}", "the path has no /01/{GTIN}")
        case .emptySegment(let text): ("“\(text)”的路径中有空段（//）", "the path of “\(text)” has an empty segment (//)")
        case .gtin(let problem): ("GTIN 无效（\(problem.code)）", "the GTIN is invalid (\(problem.code))")
        case .qualifierOrder(let ai): ("限定符 \(ai) 顺序错误：应为 22、10、21", "qualifier \(ai) is out of order: 22, then 10, then 21")
        case .duplicateQualifier(let ai): ("限定符 \(ai) 出现两次", "qualifier \(ai) appears twice")
        case .unknownPathElement(let name): ("路径元素“\(name)”不是 GTIN 的限定符", "path element “\(name)” is no qualifier of a GTIN")
        case .invalidCharacter(let ai, let value):
            ("AI \(ai) 的值“\(value)”含有 GS1 字符集之外的字符（不能有空格或中文）",
             "the value “\(value)” of AI \(ai) has characters outside the GS1 set (no spaces or Chinese)")
        case .invalidLength(let ai, let value):
            ("AI \(ai) 的值“\(value)”应为 1 到 20 个字符", "the value “\(value)” of AI \(ai) must be 1 to 20 characters")
        case .dotSegment(let ai, let value):
            ("AI \(ai) 的值不能是“\(value)”：浏览器会把网址中的 . 和 .. 路径段去掉，真标签就会被判为未发放；请使用字母或数字",
             "the value of AI \(ai) cannot be “\(value)”: browsers remove . and .. path segments from a URI, so a genuine label would read as not issued; use letters or digits")
        case .badEscape(let text): ("百分号转义错误：“\(text)”", "malformed percent-escape in “\(text)”")
        case .invalidAttribute(let ai, let value): ("AI \(ai) 的值“\(value)”格式错误", "the value “\(value)” of AI \(ai) has the wrong form")
        case .keyInQuery(let ai): ("AI \(ai) 是标识代码或其限定符，应写在路径中（/\(ai)/…），不能出现在查询串中",
                                   "AI \(ai) is a key or key qualifier: it belongs in the path (/\(ai)/…), not in the query string")
        case .duplicateAttribute(let ai): ("查询串中 AI \(ai) 出现两次", "AI \(ai) appears twice in the query string")
        }
    }
}
