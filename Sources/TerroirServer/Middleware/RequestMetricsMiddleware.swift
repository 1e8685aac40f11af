import Dispatch
import Hummingbird
import Metrics
import Synchronization

/// Records every request through swift-metrics with the metrics and dimensions of
/// Hummingbird's `MetricsMiddleware` (`hb.requests`, `http.server.request.duration`,
/// `hb.request.errors`, `http.server.active_requests`), so dashboards made for it
/// read these.
///
/// Why not Hummingbird's own: it wraps every response body in a closure to record
/// after the write, which takes a body in memory off Hummingbird's one-batch write and
/// cost a third of the server's rate for small answers (see `Response.whenComplete`).
/// This one records a body in memory at once and wraps only streamed bodies.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext
    private let instruments = Instruments()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let active = instruments.active(method: request.method)
        active.increment()
        do {
            let response = try await next(request, context)
            let status = response.status
            return response.whenComplete { [instruments] _ in
                let route = instruments.route(.init(route: context.endpointPath ?? "Unknown", method: request.method, status: status))
                route.requests.increment()
                route.duration.recordNanoseconds(DispatchTime.now().uptimeNanoseconds - start)
                active.decrement()
            }
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            let route = instruments.route(.init(route: context.endpointPath ?? "NotFound", method: request.method, status: status))
            route.requests.increment()
            route.errors.increment()
            active.decrement()
            throw error
        }
    }

    /// The metrics made once per method and per route, method and status: making one
    /// looks it up in the backend's registry, which every request would otherwise pay.
    private final class Instruments: Sendable {
        struct RouteKey: Hashable {
            let route: String
            let method: HTTPRequest.Method
            let status: HTTPResponse.Status
        }

        struct Route: Sendable {
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

        func active(method: HTTPRequest.Method) -> Meter {
            meters.withLock { meters in
                if let meter = meters[method] { return meter }
                let meter = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", method.rawValue)])
                meters[method] = meter
                return meter
            }
        }

        func route(_ key: RouteKey) -> Route {
            routes.withLock { routes in
                if let route = routes[key] { return route }
                let route = Route(key)
                routes[key] = route
                return route
            }
        }
    }
}
