import Foundation

/// A progress bar on standard error (count, rate and time left), drawn only when
/// standard error is a terminal, at most ten times a second.
final class ProgressBar {
    private let label: String
    private let total: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let enabled = ProgressBar.isShown
    private(set) var count = 0

    /// Whether bars are drawn (standard error is a terminal): a total that takes
    /// work to find out is worth it only then.
    static let isShown = isatty(STDERR_FILENO) == 1

    init(_ label: String, total: Int?) {
        self.label = label
        self.total = total
    }

    func advance(by step: Int = 1) {
        count += step
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw(now)
    }

    func finish() {
        guard enabled else { return }
        draw(Date())
        StandardError.write("\n")
    }

    private func draw(_ now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(count) / elapsed
        var line = "\r\(label) \(count)"
        if let total, total > 0 {
            let fraction = min(1, Double(count) / Double(total))
            let width = 30, filled = Int(fraction * Double(width))
            let remaining = rate > 0 ? Double(total - count) / rate : 0
            line = "\r\(label) [" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                + "] \(count)/\(total) \(Int(rate))/s, \(Int(remaining.rounded()))s left"
        } else {
            line += " \(Int(rate))/s"
        }
        StandardError.write(line + "\u{1B}[K")
    }
}

/// Counts a file's lines quickly, to size a progress bar.
enum LineCount {
    static func of(_ url: URL) -> Int? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var lines = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { return lines }
            lines += chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
    }
}
