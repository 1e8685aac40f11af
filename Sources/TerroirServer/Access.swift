import CatalogStore
import Hummingbird
import Workflows

/// Who a request acts as: the actor its API key makes. Who may do what is decided in
/// Workflows (`Permission`, `AccessRules`), once for every front door.
enum Access {
    static func unauthorized(zh: String, en: String) -> Problem {
        var problem = Problem(.unauthorized, "auth.unauthorized", zh: zh, en: en)
        problem.headers[.wwwAuthenticate] = "Bearer"
        return problem
    }

    /// The caller, when it may hold `permission`.
    /// - Throws: 401 without a key, 403 for a role without the permission.
    static func actor(_ context: TerroirRequestContext, _ permission: Permission) throws -> Actor {
        guard let key = context.key else {
            throw unauthorized(zh: "需要 API 密钥（Authorization: Bearer …）", en: "an API key is needed (Authorization: Bearer …)")
        }
        let actor = Actor(key: key)
        try AccessRules.require(actor, permission)
        return actor
    }
}
