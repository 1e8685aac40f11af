import Foundation

/// Hands batches from one producing thread to one consuming thread through a queue
/// of bounded size: the two halves of an export (reading the store, writing the
/// format) run on two cores while memory stays flat.
public final class BatchChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private let capacity: Int
    private var closed = false
    private var cancelled = false
    private var failure: (any Error)?

    public init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Producer: adds a batch, waiting while the queue is full; false once the
    /// consumer gave up.
    public func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Producer: no more batches (with the error that stopped it, if any).
    public func close(failure: (any Error)? = nil) {
        condition.lock()
        closed = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, or `nil` at the end.
    /// - Throws: the producer's error, once its batches are consumed.
    public func receive() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stops the producer and waits for it to close.
    public func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !closed { condition.wait() }
        condition.unlock()
    }
}
