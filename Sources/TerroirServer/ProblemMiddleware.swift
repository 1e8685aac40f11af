import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Logging
import Measures
import ProductSpecs
import Workflows

/// Turns every error into an RFC 9457 problem: the client's mistakes into 4xx with
/// what to change, and only the server's own failures into 500 (logged, never shown).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext

    /// The methods each route takes, to answer a route called with another one.
    static let routes = RouteMethods(openAPI: OpenAPIDocument.bytes)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let allowed = Self.routes.allowed(for: request.uri.path), !allowed.contains(request.method.rawValue) {
                var problem = Problem(.methodNotAllowed, "route.method_not_allowed",
                                      zh: "此地址不支持 \(request.method.rawValue) 方法（支持：\(allowed.joined(separator: "、"))）",
                                      en: "\(request.uri.path) does not take \(request.method.rawValue) (it takes: \(allowed.joined(separator: ", ")))")
                problem.headers[.allow] = allowed.joined(separator: ", ")
                return problem.response
            }
            return Self.problem(for: error).response
        } catch let error as WorkflowError {
            if error.kind == .failure { context.logger.error("\(error.code): \(error.message.en)") }
            return Problem(error).response
        } catch let error as StoreError {
            let error = WorkflowError(error)
            if error.kind == .failure { context.logger.error("\(error.code): \(error.message.en)") }
            return Problem(error).response
        } catch {
            context.logger.error("unexpected error: \(String(describing: error))")
            return Problem(.internalServerError, "server.error", zh: "服务器内部错误", en: "the server failed; the request was not applied").response
        }
    }

    /// Hummingbird's own errors: an unknown route, a body over the limit, a bad method.
    static func problem(for error: any HTTPResponseError) -> Problem {
        switch error.status {
        case .notFound: Problem(.notFound, "route.not_found", zh: "没有这个地址", en: "no such route")
        case .contentTooLarge: Problem(.contentTooLarge, "body.too_large", zh: "请求体过大", en: "the request body is larger than the server accepts")
        case .methodNotAllowed: Problem(.methodNotAllowed, "route.method_not_allowed", zh: "此地址不支持该方法", en: "the route does not take this method")
        default: Problem(error.status, "http.\(error.status.code)", zh: error.status.reasonPhrase, en: error.status.reasonPhrase)
        }
    }
}
