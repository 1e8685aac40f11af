import Foundation

extension ComplianceReport {
    /// The report as the store keeps it: JSON with sorted keys; a clean report (the
    /// usual case, written once per imported row) without an encoder.
    public func storedJSON() throws -> String {
        if findings.isEmpty {
            var out = "{\"brand\":"
            JSONText.appendString(brandID, to: &out)
            out += ",\"findings\":[],\"standard_version\":"
            JSONText.appendString(standardVersion, to: &out)
            return out + "}"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
