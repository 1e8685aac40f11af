import Hummingbird
import Logging

/// Logs one line per request once its response is complete: method, path, the route
/// it matched, status and duration. (Hummingbird's `LogRequestsMiddleware` logs a
/// request as it arrives, before either is known.)
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            let status = response.status.code
            return response.whenComplete { failure in
                Self.log(request, context: context, status: status, since: start, failure: failure)
            }
        } catch {
            Self.log(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private static func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant, failure: (any Error)? = nil) {
        log(to: context.logger, method: request.method, path: request.uri.path, route: context.endpointPath, status: status, since: start, failure: failure)
    }

    /// The line for one request, which `ResolverFastPath` writes too.
    /// - Parameter failure: why the body stopped before its end (the client went away).
    static func log(to logger: Logger, method: HTTPRequest.Method, path: String, route: String?, status: Int, since start: ContinuousClock.Instant,
                    failure: (any Error)? = nil) {
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "status": "\(status)",
            "duration_ms": "\((milliseconds * 10).rounded() / 10)",
            "route": "\(route ?? "-")",
        ]
        if let failure { metadata["body_stopped"] = "\(String(describing: failure))" }
        logger.log(level: status >= 500 ? .error : .info, "\(method) \(path) \(status)", metadata: metadata)
    }
}
