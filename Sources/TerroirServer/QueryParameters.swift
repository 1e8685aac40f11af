import Hummingbird

extension ServerState {
    /// The page size a catalog read asks for: `limit`, 1 to `maximumPageSize`.
    /// - Throws: 400 outside it.
    static func limit(_ request: Request) throws -> Int {
        Int(try integer(request, "limit", default: Int64(defaultPageSize), minimum: 1, maximum: Int64(maximumPageSize)))
    }

    /// A whole-number query parameter, `value` when left out.
    /// - Throws: 400 for one that is not a whole number from `minimum` to `maximum`.
    static func integer(_ request: Request, _ name: String, default value: Int64, minimum: Int64, maximum: Int64 = .max) throws -> Int64 {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let number = Int64(text), (minimum...maximum).contains(number) else {
            throw Problem.badRequest("query.invalid", zh: "参数 \(name) 应为 \(minimum) 到 \(maximum) 的整数",
                                     en: "\(name) must be a whole number from \(minimum) to \(maximum)")
        }
        return number
    }

    /// A yes-or-no query parameter: `true` or `false`, `false` when left out.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        switch request.uri.queryParameters.get(name) {
        case nil, "false": return false
        case "true": return true
        case let text?:
            throw Problem.badRequest("query.invalid", zh: "参数 \(name) 应为 true 或 false，而不是“\(text)”", en: "\(name) must be true or false, not “\(text)”")
        }
    }
}
