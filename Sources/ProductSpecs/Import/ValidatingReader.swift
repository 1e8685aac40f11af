import BrandStandards
import Foundation

/// Reads rows on one background thread and validates them on another while the
/// caller consumes them (writes them to the store, say) on its own: the stages of
/// an import overlap. Rows travel in numbered batches through queues of bounded
/// size, so memory does not grow with the file, and reach the caller in file order.
public final class ValidatingReader<Prepared: Sendable>: @unchecked Sendable {
    /// A row with what validating it gave, and (for a compliant product) what the
    /// caller's `prepare` made of it, such as its columns encoded for the store: work
    /// taken off the writer's thread.
    public struct ValidatedRow {
        public let row: ImportRow
        public let outcome: ProductValidator.Outcome
        public let prepared: Prepared?
    }

    private let reader: ProductFileReader
    private let validator: ProductValidator
    private let defaultProducer: String?
    private let batchSize: Int
    private let capacity: Int
    private let workers: Int
    private let prepare: @Sendable (Product, ComplianceReport) -> Prepared?

    private let condition = NSCondition()
    private var pending: [(Int, [ImportRow])] = []
    private var validated: [Int: [ValidatedRow]] = [:]
    /// Batches the caller is done with: freed on a validating thread, so the
    /// caller's thread does not spend its time releasing rows.
    private var spent: [[ValidatedRow]] = []
    private var batchesRead = 0
    private var readingDone = false
    private var workersDone = 0
    private var cancelled = false
    private var failure: (any Error)?

    /// Prepares to read `reader`'s rows and validate each with `validator`.
    /// - Parameter workers: validating threads. Validation is the longest stage; a
    ///   second thread pays off only when the writer leaves room for it (measured on
    ///   2 cores: no gain while each new product also wrote a change-log row, 10–20%
    ///   faster once it did not).
    /// - Parameter prepare: called on a validating thread for each compliant product.
    public init(reader: ProductFileReader, validator: ProductValidator, defaultProducer: String?,
                batchSize: Int = 256, capacity: Int = 16, workers: Int = 1,
                prepare: @escaping @Sendable (Product, ComplianceReport) -> Prepared?) {
        self.reader = reader
        self.validator = validator
        self.defaultProducer = defaultProducer
        self.batchSize = batchSize
        self.capacity = capacity
        self.workers = max(1, workers)
        self.prepare = prepare
    }

    /// Calls `body` with each validated row, in file order, on the calling thread.
    /// - Throws: the reader's `ImportFileError`, or whatever `body` throws (reading
    ///   and validating then stop).
    public func forEachRow(_ body: (ValidatedRow) throws -> Void) throws {
        start { [self] in read() }
        for _ in 0..<workers { start { [self] in validate() } }
        defer {
            condition.lock()
            cancelled = true
            condition.broadcast()
            while !(readingDone && workersDone == workers) { condition.wait() }
            condition.unlock()
        }
        var next = 0
        while let batch = take(next) {
            next += 1
            // By index: binding each row to a name would copy (retain) all of it.
            try batch.withUnsafeBufferPointer { rows in
                for index in rows.indices { try body(rows[index]) }
            }
            condition.lock()
            spent.append(batch)
            condition.unlock()
        }
        condition.lock()
        let error = failure
        condition.unlock()
        if let error { throw error }
    }

    private func start(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for batch `number`; `nil` once every batch was taken (or reading failed).
    private func take(_ number: Int) -> [ValidatedRow]? {
        condition.lock()
        defer { condition.unlock() }
        while validated[number] == nil {
            // Past the last batch read, or nothing more will be validated.
            if readingDone && number >= batchesRead || workersDone == workers { return nil }
            condition.wait()
        }
        let batch = validated.removeValue(forKey: number)
        condition.broadcast()
        return batch
    }

    private func read() {
        var batch: [ImportRow] = []
        batch.reserveCapacity(batchSize)
        func hand(_ rows: [ImportRow]) throws {
            condition.lock()
            defer { condition.unlock() }
            while pending.count + validated.count >= capacity && !cancelled { condition.wait() }
            if cancelled { throw ValidatingReaderStopped() }
            pending.append((batchesRead, rows))
            batchesRead += 1
            condition.broadcast()
        }
        do {
            try reader.forEachRow { row in
                batch.append(row)
                if batch.count == batchSize {
                    try hand(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try hand(batch) }
        } catch is ValidatingReaderStopped {
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        readingDone = true
        condition.broadcast()
        condition.unlock()
    }

    private func validate() {
        let memo = AttributeMemo()
        while true {
            condition.lock()
            while pending.isEmpty && !readingDone && !cancelled { condition.wait() }
            guard !cancelled, !pending.isEmpty else {
                workersDone += 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let (number, rows) = pending.removeFirst()
            var finished = spent
            spent.removeAll()
            condition.unlock()
            finished.removeAll()

            let results = rows.map { row in
                let outcome = validator.validate(row.input, defaultProducer: defaultProducer, memo: memo)
                let prepared = outcome.report.isCompliant ? outcome.product.flatMap { prepare($0, outcome.report) } : nil
                return ValidatedRow(row: row, outcome: outcome, prepared: prepared)
            }

            condition.lock()
            validated[number] = results
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// Thrown into the reading thread when the caller stopped consuming.
private struct ValidatingReaderStopped: Error {}
