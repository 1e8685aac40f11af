import Hummingbird
import Logging

/// Logs one line per request once its response has been written: method, path, the
/// route it matched, status and duration. (Hummingbird's `LogRequestsMiddleware` logs
/// a request as it arrives, before either is known.)
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            let status = response.status, body = response.body
            // A body of known length is in memory and written at once: log it now.
            // A streamed one (an export) is logged when its last byte is written.
            guard body.contentLength == nil else {
                Self.log(request, context: context, status: status.code, since: start)
                return response
            }
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                do {
                    try await body.write(writer)
                    Self.log(request, context: context, status: status.code, since: start)
                } catch {
                    Self.log(request, context: context, status: status.code, since: start, failure: error)
                    throw error
                }
            }
            return response
        } catch {
            Self.log(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    /// - Parameter failure: why the body stopped before its end (the client went away).
    private static func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant, failure: (any Error)? = nil) {
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "status": "\(status)",
            "duration_ms": "\((milliseconds * 10).rounded() / 10)",
            "route": "\(context.endpointPath ?? "-")",
        ]
        if let failure { metadata["body_stopped"] = "\(String(describing: failure))" }
        context.logger.log(level: status >= 500 ? .error : .info, "\(request.method) \(request.uri.path) \(status)", metadata: metadata)
    }
}
