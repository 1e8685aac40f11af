import Foundation
import Synchronization

/// The `Date` header's value (RFC 9110 IMF-fixdate, `Tue, 01 Dec 2026 19:33:24 GMT`),
/// formatted once a second: what Hummingbird adds to the responses it writes, for
/// those `ResolverFastPath` writes (Hummingbird's own cache is internal).
enum HTTPDate {
    private static let cache = Mutex<(second: time_t, text: String)>((-1, ""))
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static var now: String {
        let second = time(nil)
        return cache.withLock { cache in
            if cache.second != second { cache = (second, text(second)) }
            return cache.text
        }
    }

    static func text(_ second: time_t) -> String {
        var seconds = second, parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
