import GRDB

/// Serials as ranges (voided or printed ones are kept as the ranges they were named
/// in): merged, and counted within a batch's range.
enum SerialRanges {
    /// `ranges` merged into ranges that neither overlap nor touch, in order.
    static func merged(_ ranges: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var merged: [ClosedRange<Int64>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let previous = merged.last, range.lowerBound <= previous.upperBound + 1 {
                merged[merged.count - 1] = previous.lowerBound...max(previous.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// How many serials of `within` the merged `ranges` hold.
    static func count(_ ranges: [ClosedRange<Int64>], within: ClosedRange<Int64>) -> Int {
        ranges.reduce(0) { total, range in range.overlaps(within) ? total + range.clamped(to: within).count : total }
    }

    /// A batch's ranges kept in `table` (`label_void`, `label_print`), merged.
    static func fetch(_ db: Database, table: String, batchID: Int64) throws -> [ClosedRange<Int64>] {
        let rows = try Row.fetchAll(db, sql: "SELECT first_serial, last_serial FROM \(table) WHERE batch_id = ?", arguments: [batchID])
        return merged(rows.map { ($0["first_serial"] as Int64)...($0["last_serial"] as Int64) })
    }

    /// `7` or `120-180`.
    static func text(_ range: ClosedRange<Int64>) -> String {
        range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
    }
}
