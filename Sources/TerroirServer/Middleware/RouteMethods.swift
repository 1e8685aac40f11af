import Foundation

/// Which methods each route takes, read from the OpenAPI document (which a test keeps
/// equal to the router): what a `405 Method Not Allowed` lists in `Allow` for a path
/// that exists under other methods.
struct RouteMethods: Sendable {
    private let templates: [(segments: [Substring], methods: [String])]

    init(openAPI bytes: [UInt8]) {
        let document = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        templates = paths.map { path, operations in
            (path.split(separator: "/"), operations.keys.map { $0.uppercased() }.sorted())
        }
    }

    /// The methods `path` is routed for, or `nil` when no route has its shape.
    /// The resolver answers its key paths under any prefix, so `…/01/…` matches them.
    /// As in the router, a literal segment wins over a parameter: `PUT
    /// /v1/products/validate` is not `PUT /v1/products/{id}`.
    func allowed(for path: String) -> [String]? {
        let segments = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/") } ?? []
        var best: (literals: Int, methods: Set<String>) = (-1, [])
        for template in templates where template.segments.count <= segments.count {
            let tail = segments.suffix(template.segments.count)
            let prefixAllowed = template.segments.first == "01" || tail.count == segments.count
            guard prefixAllowed, zip(template.segments, tail).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) else { continue }
            let literals = template.segments.filter { !$0.hasPrefix("{") }.count
            if literals > best.literals { best = (literals, []) }
            if literals == best.literals { best.methods.formUnion(template.methods) }
        }
        return best.methods.isEmpty ? nil : best.methods.sorted()
    }
}
