import CatalogStore

/// One operation people perform: a `Codable` request and an `Actor` in, a `Codable`
/// result or a `WorkflowError` out. `run` checks that the actor may, first. The batch
/// tool, the API and the console call the same one; none re-implements a rule.
public protocol Workflow: Sendable {
    associatedtype Request: Codable & Sendable
    associatedtype Result: Codable & Sendable

    /// Performs the operation for `actor`.
    /// - Throws: `WorkflowError`: forbidden before anything is read for someone who
    ///   may not, and nothing written when it is thrown.
    func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result
}
