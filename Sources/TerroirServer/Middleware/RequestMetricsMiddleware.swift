import Hummingbird
import Metrics

/// Records every request in `RequestInstruments`.
///
/// Why not Hummingbird's `MetricsMiddleware`, which records the same metrics: it wraps
/// every response body in a closure to record after the write, which takes a body in
/// memory off Hummingbird's one-batch write and cost a third of the server's rate for
/// small answers (see `Response.whenComplete`). This one records a body in memory at
/// once and wraps only streamed bodies.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext
    let instruments: RequestInstruments

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let active = instruments.active(method: request.method)
        active.increment()
        do {
            let response = try await next(request, context)
            let status = response.status
            return response.whenComplete { [instruments] _ in
                instruments.answered(route: context.endpointPath ?? "Unknown", method: request.method, status: status, since: start)
                active.decrement()
            }
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            instruments.failed(route: context.endpointPath ?? "NotFound", method: request.method, status: status)
            active.decrement()
            throw error
        }
    }
}
