import Hummingbird

/// After a request that may have written (anything but GET and HEAD), the catalog
/// cache forgets what it built, so the next read sees the write.
struct WriteInvalidationMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext
    let cache: CatalogCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get && request.method != .head else { return try await next(request, context) }
        defer { cache.invalidate() }
        return try await next(request, context)
    }
}
