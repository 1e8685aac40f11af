/// Finds the allowed key a misspelt one was probably meant to be.
public enum KeySuggestion {
    /// The allowed key closest to `key` by edit distance, if it is close enough to be
    /// a typo (at most a third of the key's length, and at least one edit away).
    public static func closest(to key: String, among allowed: [String]) -> String? {
        let limit = max(1, key.count / 3), length = key.count
        var best: (key: String, distance: Int)?
        // A name whose length differs by more than the limit is farther than it.
        for candidate in allowed where abs(candidate.count - length) <= limit {
            let distance = distance(key, candidate)
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.key
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
