/// The formats the catalog is exported in.
public enum ExportFormat: String, CaseIterable, Sendable, Codable {
    case json
    case ndjson
    case csv
    case gmcXML = "gmc-xml"
    case jsonld

    /// The media type an HTTP response declares.
    public var mediaType: String {
        switch self {
        case .json: "application/json"
        case .ndjson: "application/x-ndjson"
        case .csv: "text/csv; charset=utf-8"
        case .gmcXML: "application/rss+xml; charset=utf-8"
        case .jsonld: "application/ld+json"
        }
    }

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .ndjson: "ndjson"
        case .csv: "csv"
        case .gmcXML: "xml"
        case .jsonld: "jsonld"
        }
    }
}
