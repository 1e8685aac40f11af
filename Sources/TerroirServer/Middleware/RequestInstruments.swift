import Hummingbird
import Metrics
import Synchronization

/// The request metrics, through swift-metrics, with the names and dimensions of
/// Hummingbird's `MetricsMiddleware` (`hb.requests`, `http.server.request.duration`,
/// `hb.request.errors`, `http.server.active_requests`), so dashboards made for it read
/// these. Each is made once per method, or per route, method and status: making one
/// looks it up in the backend's registry, which every request would otherwise pay.
final class RequestInstruments: Sendable {
    private struct RouteKey: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: HTTPResponse.Status
    }

    private struct Route: Sendable {
        let requests: Counter
        let duration: Metrics.Timer
        let errors: Counter

        init(_ key: RouteKey) {
            let dimensions = [("http.route", key.route), ("http.request.method", key.method.rawValue)]
            let status = key.status.code.description
            requests = Counter(label: "hb.requests", dimensions: dimensions + [("http.response.status_code", status)])
            duration = Metrics.Timer(label: "http.server.request.duration", dimensions: dimensions + [("http.response.status_code", status)],
                                     preferredDisplayUnit: .seconds)
            errors = Counter(label: "hb.request.errors", dimensions: dimensions + [("error.type", status)])
        }
    }

    private let meters = Mutex<[HTTPRequest.Method: Meter]>([:])
    private let routes = Mutex<[RouteKey: Route]>([:])

    /// The requests of a method in flight.
    func active(method: HTTPRequest.Method) -> Meter {
        meters.withLock { meters in
            if let meter = meters[method] { return meter }
            let meter = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", method.rawValue)])
            meters[method] = meter
            return meter
        }
    }

    /// A request answered, which came at `start`.
    func answered(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        let metrics = self.route(RouteKey(route: route, method: method, status: status))
        metrics.requests.increment()
        metrics.duration.record(duration: ContinuousClock.now - start)
    }

    /// A request that failed with an error no middleware turned into a response.
    func failed(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status) {
        let metrics = self.route(RouteKey(route: route, method: method, status: status))
        metrics.requests.increment()
        metrics.errors.increment()
    }

    private func route(_ key: RouteKey) -> Route {
        routes.withLock { routes in
            if let route = routes[key] { return route }
            let route = Route(key)
            routes[key] = route
            return route
        }
    }
}
