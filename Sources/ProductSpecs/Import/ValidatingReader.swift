import Foundation

/// Reads and validates rows on a background thread while the caller consumes them
/// (writes them to the store, say) on its own: the two halves of an import overlap
/// on two cores. Rows travel in batches through a queue of bounded size, so memory
/// does not grow with the file.
public final class ValidatingReader: @unchecked Sendable {
    /// A row with what validating it gave.
    public struct ValidatedRow {
        public let row: ImportRow
        public let outcome: ProductValidator.Outcome
    }

    private let reader: ProductFileReader
    private let validator: ProductValidator
    private let defaultProducer: String?
    private let batchSize: Int
    private let capacity: Int

    private let condition = NSCondition()
    private var batches: [[ValidatedRow]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    /// Prepares to read `reader`'s rows and validate each with `validator`.
    public init(reader: ProductFileReader, validator: ProductValidator, defaultProducer: String?, batchSize: Int = 512, capacity: Int = 8) {
        self.reader = reader
        self.validator = validator
        self.defaultProducer = defaultProducer
        self.batchSize = batchSize
        self.capacity = capacity
    }

    /// Calls `body` with each validated row, in file order, on the calling thread.
    /// - Throws: the reader's `ImportFileError`, or whatever `body` throws (reading
    ///   then stops).
    public func forEachRow(_ body: (ValidatedRow) throws -> Void) throws {
        let thread = Thread { [self] in produce() }
        thread.stackSize = 8 << 20
        thread.start()
        defer {
            condition.lock()
            cancelled = true
            condition.broadcast()
            while !finished { condition.wait() }
            condition.unlock()
        }
        while let batch = next() {
            for row in batch { try body(row) }
        }
        condition.lock()
        let error = failure
        condition.unlock()
        if let error { throw error }
    }

    private func next() -> [ValidatedRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    private func produce() {
        var batch: [ValidatedRow] = []
        batch.reserveCapacity(batchSize)
        func hand(_ rows: [ValidatedRow]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= capacity && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            batches.append(rows)
            condition.broadcast()
            return true
        }
        struct Stop: Error {}
        do {
            try reader.forEachRow { row in
                batch.append(ValidatedRow(row: row, outcome: validator.validate(row.input, defaultProducer: defaultProducer)))
                if batch.count == batchSize {
                    guard hand(batch) else { throw Stop() }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = hand(batch) }
        } catch is Stop {
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
