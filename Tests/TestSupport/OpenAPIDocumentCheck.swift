import Foundation

/// Checks a response against Terroir's OpenAPI document: the operation its method and
/// path name, a response documented for its status, and its JSON body against that
/// response's schema. The schema keywords the document uses are checked (`type`,
/// `properties`, `required`, `items`, `enum`, `additionalProperties`, `minimum`,
/// `minLength`, `$ref`); a body in a media type without a JSON schema (CSV, NDJSON,
/// HTML, images) is checked only for being documented.
public struct OpenAPIDocumentCheck: @unchecked Sendable {
    /// Read once and never changed: safe to share.
    private let document: [String: Any]

    public static let shared = OpenAPIDocumentCheck()

    public init(url: URL = StoreFixture.repository.appendingPathComponent("Sources/TerroirServer/openapi.json")) {
        document = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }

    /// What is wrong with the response; empty when it is as documented.
    /// - Parameter body: as sent; a compressed one is checked for its status and type only.
    public func problems(method: String, path: String, status: Int, contentType: String?, contentEncoding: String? = nil, body: Data) -> [String] {
        var route = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        // The resolver answers under any path prefix a brand's resolver URL has
        // (`/verify/01/…` is a route of its own).
        if self.operation(method: method.lowercased(), path: route) == nil, let key = route.range(of: "/01/", options: .backwards),
           key.lowerBound != route.startIndex {
            route = String(route[key.lowerBound...])
        }
        guard let (template, operation) = self.operation(method: method.lowercased(), path: route) else {
            // No route, or not this method: the router's own 404 or 405, or the resolver's
            // 400 for a path that is no Digital Link: a problem.
            guard [400, 404, 405].contains(status), contentType == "application/problem+json",
                  let value = try? JSONSerialization.jsonObject(with: body) else {
                return ["\(method) \(route) is not in the document (answered \(status))"]
            }
            return check(value, against: ["$ref": "#/components/schemas/Problem"], at: "").map { "\(method) \(route) \(status): \($0)" }
        }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard let declared = responses[String(status)] ?? responses["\(status / 100)XX"] ?? responses["default"] else {
            return ["\(method) \(template) answered \(status), which the document does not list (it lists \(responses.keys.sorted().joined(separator: ", ")))"]
        }
        let response = resolve(declared)
        guard let content = response["content"] as? [String: Any], !body.isEmpty else { return [] }
        let body = contentEncoding == nil ? body : Data()
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[type] as? [String: Any] else {
            return ["\(method) \(template) \(status) answered \(type), which the document does not list (it lists \(content.keys.sorted().joined(separator: ", ")))"]
        }
        // JSON documents only: not NDJSON's lines.
        guard let schema = media["schema"] as? [String: Any], type == "application/json" || type.hasSuffix("+json") else { return [] }
        guard !body.isEmpty else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return ["\(method) \(template) \(status): the body is not JSON"]
        }
        return check(value, against: schema, at: "").map { "\(method) \(template) \(status): \($0)" }
    }

    /// The operation whose path template matches `path`, the most literal first.
    private func operation(method: String, path: String) -> (String, [String: Any])? {
        let paths = document["paths"] as? [String: Any] ?? [:]
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let matches = paths.keys.filter { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == segments.count && zip(parts, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        let ranked = matches.sorted { $0.filter { $0 == "{" }.count < $1.filter { $0 == "{" }.count }
        for template in ranked {
            if let operation = (paths[template] as? [String: Any])?[method] as? [String: Any] { return (template, operation) }
        }
        return nil
    }

    /// A `$ref` followed to what it names.
    private func resolve(_ node: Any) -> [String: Any] {
        guard let object = node as? [String: Any] else { return [:] }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var current: Any = document
        for part in reference.dropFirst(2).split(separator: "/") { current = (current as? [String: Any])?[String(part)] ?? [:] }
        return resolve(current)
    }

    private func check(_ value: Any, against node: [String: Any], at pointer: String) -> [String] {
        let schema = resolve(node)
        var problems: [String] = []
        let place = pointer.isEmpty ? "the body" : pointer
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }), !types.contains(where: { Self.isType(value, $0) }) {
            return ["\(place) is \(Self.typeName(value)), the document says \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(place) is “\(value)”, not one of \(allowed.map { "\($0)" }.joined(separator: ", "))")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? Double, number < minimum {
            problems.append("\(place) is \(number), below the minimum \(minimum)")
        }
        if let length = schema["minLength"] as? Int, let text = value as? String, text.count < length {
            problems.append("\(place) is shorter than \(length) character(s)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { problems.append("\(place) lacks the required “\(name)”") }
            for (name, member) in object {
                if let property = properties[name] as? [String: Any] {
                    problems += check(member, against: property, at: "\(pointer)/\(name)")
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed { problems.append("\(place) has “\(name)”, which the document does not allow") }
                    if let additional = additional as? [String: Any] { problems += check(member, against: additional, at: "\(pointer)/\(name)") }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += check(item, against: items, at: "\(pointer)/\(index)") }
        }
        return problems
    }

    private static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "null": value is NSNull
        case "boolean": isBoolean(value)
        case "integer": !isBoolean(value) && (value as? NSNumber).map { $0.doubleValue.rounded() == $0.doubleValue } ?? false
        case "number": !isBoolean(value) && value is NSNumber
        default: true
        }
    }

    /// JSON's `true` and `false`, which JSONSerialization gives as numbers of type `c`.
    private static func isBoolean(_ value: Any) -> Bool {
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    private static func typeName(_ value: Any) -> String {
        for type in ["object", "array", "string", "null", "boolean", "integer", "number"] where isType(value, type) { return type }
        return "\(Swift.type(of: value))"
    }
}
