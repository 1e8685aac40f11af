import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

/// Reads `Authorization: Bearer KEY`: a valid key goes into the context; a key that is
/// sent but unknown, malformed or revoked is answered 401 at once. Requests without a
/// key go on: the public routes take them, the others answer 401 themselves.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = TerroirRequestContext
    let cache: CatalogCache
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard let token = Self.bearerToken(header), let key = try await cache.apiKey(token: token) else {
            throw Access.unauthorized(zh: "API 密钥无效或已吊销", en: "the API key is invalid or revoked")
        }
        if let wait = limiter.take(key: key.id) {
            var problem = Problem(.tooManyRequests, "rate.limited", zh: "请求过于频繁，请 \(wait) 秒后重试", en: "too many requests; retry in \(wait) s")
            problem.headers[.retryAfter] = String(wait)
            throw problem
        }
        var context = context
        context.key = key
        return try await next(request, context)
    }

    /// The token of `Bearer TOKEN` (the scheme in any case, spaces around the token
    /// ignored); `nil` for another scheme. On bytes: Foundation's
    /// `trimmingCharacters` was 3% of a catalog page request in `perf record`.
    static func bearerToken(_ header: String) -> String? {
        let bytes = header.utf8
        guard bytes.count > 7, zip(bytes.prefix(7), "bearer ".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        let token = bytes.dropFirst(7).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let end = token.lastIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        return end.map { String(Substring(token[...$0])) } ?? ""
    }
}

/// A token bucket per key: `rate` requests a second on average, `burst` at once.
final class RateLimiter: @unchecked Sendable {
    private let rate: Double, burst: Double
    private let lock = NSLock()
    private var buckets: [Int64: (tokens: Double, at: Double)] = [:]

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// Takes a token; `nil` when there was one, else the whole seconds to wait.
    func take(key: Int64, now: Double = ProcessInfo.processInfo.systemUptime) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        var bucket = buckets[key] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * rate)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return nil
    }
}
