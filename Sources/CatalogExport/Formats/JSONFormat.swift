/// `--format json`: one JSON array of canonical products.
final class JSONFormat: CatalogFormatWriter {
    private var first = true

    func begin(_ output: ExportOutput) throws { try output.write("[\n") }

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        if !first { try output.write(",\n") }
        try output.write(bytes: entry.canonicalJSONBytes())
        first = false
    }

    func end(_ output: ExportOutput) throws { try output.write(first ? "]\n" : "\n]\n") }
}

/// `--format ndjson`: one canonical product per line.
final class NDJSONFormat: CatalogFormatWriter {
    func begin(_ output: ExportOutput) throws {}

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        try output.write(bytes: entry.canonicalJSONBytes())
        try output.write("\n")
    }

    func end(_ output: ExportOutput) throws {}
}
