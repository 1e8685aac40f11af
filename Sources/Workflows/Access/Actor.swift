import CatalogStore

/// Who performs an operation: a role, what the role covers, and the name the audit log
/// keeps. Every front door makes one: the API from the caller's key, the console from
/// the person signed in, the batch tool for whoever runs it on the store's machine.
public struct Actor: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        /// A brand officer: the brands in its scope.
        case officer
        /// A producer: its own products and label batches (scope: its producer id).
        case producer
        /// A village e-commerce service station acting for the producers of its
        /// villages (scope: administrative codes).
        case station
        /// An e-commerce platform: reads the catalog.
        case platform
        /// Whoever runs the batch tool on the store's own machine: may do everything,
        /// as the owner of the database file can.
        case `operator`
    }

    public var role: Role
    /// Brand ids for an officer, one producer id for a producer, administrative codes
    /// for a station; nothing for a platform or the operator.
    public var scope: [String]
    /// As the audit log records it: `key:3:farm`, `cli:alice`.
    public var name: String

    public init(role: Role, scope: [String], name: String) {
        self.role = role
        self.scope = scope
        self.name = name
    }

    /// The batch tool's user.
    public static func localOperator(name: String) -> Actor {
        Actor(role: .operator, scope: [], name: name)
    }

    /// The holder of an API key.
    public init(key: APIKey) {
        let role: Role = switch key.role {
        case .officer: .officer
        case .producer: .producer
        case .station: .station
        case .platform: .platform
        }
        self.init(role: role, scope: key.scope, name: "key:\(key.id):\(key.name)")
    }
}
