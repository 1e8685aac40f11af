import CatalogExport
import Foundation
import Hummingbird
import NIOCore

/// A response body written by a blocking export (`CatalogExporter`) on a thread of its
/// own, a chunk of about 64 KiB at a time.
///
/// The export keeps its thread because it is measured faster so: it reads the store
/// and writes the format on two cores with no task switch per product. The thread and
/// the response meet here and nowhere else:
/// - backpressure: the thread hands over at most `credit` chunks the client has not
///   yet taken, then waits, so memory stays flat for a slow client;
/// - the client going away: when the response stops (the write fails, the request's
///   task is cancelled, the server shuts down), the waiting thread is woken with
///   `ExportStream.Stopped`, the export unwinds and closes its read transaction, and
///   the thread ends. No thread is left parked, however many downloads are dropped.
final class ExportStream: @unchecked Sendable {
    /// Thrown into the export when its client is gone.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private var credit: Int
    private var stopped = false

    private init(credit: Int) {
        self.credit = credit
    }

    /// The body: `produce` runs on a new thread once the response starts to be written.
    static func body(credit: Int = 4, _ produce: @escaping @Sendable (ExportOutput) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            let stream = ExportStream(credit: credit)
            let (chunks, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
            let thread = Thread {
                let output = ExportOutput { chunk in
                    try stream.take()
                    continuation.yield(ByteBuffer(bytes: chunk))
                }
                do {
                    try produce(output)
                    try output.flush()
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            thread.name = "terroir-export"
            defer { stream.stop() }
            thread.start()
            for try await chunk in chunks {
                try Task.checkCancellation()
                try await writer.write(chunk)
                stream.give()
            }
            try await writer.finish(nil)
        }
    }

    /// Export thread: takes one credit, waiting while there is none.
    /// - Throws: `Stopped` once the response has stopped.
    private func take() throws {
        condition.lock()
        defer { condition.unlock() }
        while credit == 0 && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        credit -= 1
    }

    /// Response: the client took a chunk.
    private func give() {
        condition.lock()
        credit += 1
        condition.signal()
        condition.unlock()
    }

    /// Response: it is over, whichever way; the export thread stops at its next chunk.
    private func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
