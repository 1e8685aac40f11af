/// `--format json`: one JSON array of canonical products.
final class JSONFormat: CatalogFormatWriter {
    private var first = true

    func begin(_ output: ExportOutput) throws { try output.write("[\n") }

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        try output.append { bytes in
            if !first { bytes.append(contentsOf: ",\n".utf8) }
            entry.appendCanonicalJSON(to: &bytes)
        }
        first = false
    }

    func end(_ output: ExportOutput) throws { try output.write(first ? "]\n" : "\n]\n") }
}

/// `--format ndjson`: one canonical product per line.
final class NDJSONFormat: CatalogFormatWriter {
    func begin(_ output: ExportOutput) throws {}

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        try output.append { bytes in
            entry.appendCanonicalJSON(to: &bytes)
            bytes.append(0x0A)
        }
    }

    func end(_ output: ExportOutput) throws {}
}
