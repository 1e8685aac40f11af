import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// The service's counters, served at `/metrics` in Prometheus text format: requests
/// and their latency by route and status, labels issued, scans and their verdicts.
final class ServerMetrics: @unchecked Sendable {
    private struct RouteKey: Hashable {
        let method: String, route: String, status: Int
    }

    private struct Latency {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: ServerMetrics.bounds.count)
    }

    /// Latency histogram bounds, in seconds.
    static let bounds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5]
    private let lock = NSLock()
    private var requests: [RouteKey: Latency] = [:]
    private var counters: [String: Int] = [:]

    func record(method: String, route: String, status: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        var latency = requests[RouteKey(method: method, route: route, status: status)] ?? Latency()
        latency.count += 1
        latency.sum += seconds
        for (index, bound) in Self.bounds.enumerated() where seconds <= bound { latency.buckets[index] += 1 }
        requests[RouteKey(method: method, route: route, status: status)] = latency
    }

    /// Adds to a named counter, such as `terroir_scans_total{verdict="genuine"}`.
    func add(_ name: String, _ amount: Int = 1) {
        lock.lock()
        counters[name, default: 0] += amount
        lock.unlock()
    }

    /// The Prometheus text exposition.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        var lines = ["# HELP terroir_http_requests_total HTTP requests by route and status.", "# TYPE terroir_http_requests_total counter"]
        let sorted = requests.sorted { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }
        for (key, latency) in sorted {
            lines.append("terroir_http_requests_total{\(Self.labels(key))} \(latency.count)")
        }
        lines += ["# HELP terroir_http_request_duration_seconds Request latency.", "# TYPE terroir_http_request_duration_seconds histogram"]
        for (key, latency) in sorted {
            for (index, bound) in Self.bounds.enumerated() {
                lines.append("terroir_http_request_duration_seconds_bucket{\(Self.labels(key)),le=\"\(bound)\"} \(latency.buckets[index])")
            }
            lines.append("terroir_http_request_duration_seconds_bucket{\(Self.labels(key)),le=\"+Inf\"} \(latency.count)")
            lines.append("terroir_http_request_duration_seconds_sum{\(Self.labels(key))} \(latency.sum)")
            lines.append("terroir_http_request_duration_seconds_count{\(Self.labels(key))} \(latency.count)")
        }
        let families = Dictionary(grouping: counters.keys) { $0.prefix { $0 != "{" } }
        for family in families.keys.sorted() {
            lines.append("# TYPE \(family) counter")
            for name in families[family]!.sorted() { lines.append("\(name) \(counters[name]!)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func labels(_ key: RouteKey) -> String {
        "method=\"\(key.method)\",route=\"\(key.route.replacingOccurrences(of: "\"", with: ""))\",status=\"\(key.status)\""
    }
}

/// Times every request into the metrics, by the route it matched.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, seconds: seconds)
        return response
    }
}
