import CatalogExport
import CatalogStore
import DigitalLink
import Dispatch
import Foundation
import Labels

/// Writes a batch's labels into its folder on every core: each label rendered, hashed
/// and moved into place whole (written beside its name, then renamed), so that a crash
/// leaves only complete files. Run again on the same folder, it writes exactly the
/// missing labels; rendering is deterministic, so they are the bytes an uninterrupted
/// run would have written. The manifest is written last, in serial order.
struct LabelBatchWriter {
    let batch: LabelBatch
    let key: [UInt8]
    let job: LabelJob
    let resolver: String
    let folder: LabelBatchFolder
    let workers: Int

    /// Serials rendered per round; bounds memory whatever the batch size.
    static let chunkSize = 512

    /// Renders what is missing and writes the manifest.
    /// - Returns: how many labels were written and how many were already there.
    func run(progress: ProgressBar) throws -> (written: Int, kept: Int) {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.url, withIntermediateDirectories: true)
        // Leftovers of a run that was cut short mid-file.
        for name in (try manager.contentsOfDirectory(atPath: folder.url.path)) where name.hasSuffix(".partial") {
            try manager.removeItem(at: folder.url.appendingPathComponent(name))
        }
        try folder.writeInfo(LabelBatchFolder.Info(batch, job: job))
        if job.format == .pdf { return try writeDocument(progress: progress) }

        let renderers = try (0..<workers).map { _ in try LabelRenderer(job: job) }
        let manifestPartial = folder.url.appendingPathComponent(LabelBatchFolder.manifestFileName + ".partial")
        guard manager.createFile(atPath: manifestPartial.path, contents: Data((LabelBatchFolder.manifestHeader + "\n").utf8)),
              let manifest = FileHandle(forWritingAtPath: manifestPartial.path) else {
            throw CLIError(zh: "无法写入 \(manifestPartial.path)", en: "cannot write \(manifestPartial.path)")
        }
        defer { try? manifest.close() }
        try manifest.seekToEnd()

        // Rendering (all cores) and writing (one thread: files made in one folder by
        // many threads at once contend for its lock) overlap, a chunk apart.
        let channel = BatchChannel<Outcome>(capacity: 2)
        let writer = OutcomeWriter(folder: folder, manifest: manifest, progress: progress)
        let thread = Thread { writer.drain(channel) }
        thread.stackSize = 1 << 20
        thread.start()
        let serials = Array(batch.serials)
        var failure: (any Error)?
        for start in stride(from: 0, to: serials.count, by: Self.chunkSize) {
            do {
                let chunk = Array(serials[start..<min(serials.count, start + Self.chunkSize)])
                guard channel.send(try renderChunk(chunk, renderers: renderers)) else { break }
            } catch {
                failure = error
                break
            }
        }
        channel.close(failure: failure)
        writer.finished.wait()
        if let error = writer.failure ?? failure { throw error }
        try manifest.close()
        let final = folder.url.appendingPathComponent(LabelBatchFolder.manifestFileName)
        guard rename(manifestPartial.path, final.path) == 0 else {
            throw CLIError(zh: "无法写入 \(final.path)", en: "cannot write \(final.path)")
        }
        return (writer.written, writer.kept)
    }

    /// A PDF batch is one document, `labels.pdf`, written whole beside its name and then
    /// renamed, and a manifest whose lines all name it. A document already there was
    /// completed by an earlier run (rendering is deterministic) and is kept.
    private func writeDocument(progress: ProgressBar) throws -> (written: Int, kept: Int) {
        let document = folder.url.appendingPathComponent(LabelBatchFolder.documentFileName)
        var uris: [(serial: Int64, uri: String)] = []
        for serial in batch.serials {
            uris.append((serial, try SerialSignature.signedURI(resolver: resolver, gtin: batch.gtin, lot: batch.lot, serial: String(serial), key: key)))
        }
        var written = 0
        if access(document.path, F_OK) != 0 {
            let partial = document.appendingPathExtension("partial")
            let pages = try PDFLabelBatch(path: partial.path, renderer: LabelRenderer(job: job), title: "\(batch.gtin.digits) \(batch.lot)")
            for (serial, uri) in uris {
                try pages.add(serial: String(serial), uri: uri)
                if pages.count % 64 == 0 { progress.advance(by: 64) }
            }
            try pages.finish()
            progress.advance(by: pages.count % 64)
            guard rename(partial.path, document.path) == 0 else {
                throw CLIError(zh: "无法写入 \(document.path)", en: "cannot write \(document.path)")
            }
            written = uris.count
        } else {
            progress.advance(by: uris.count)
        }
        guard let bytes = FileManager.default.contents(atPath: document.path) else {
            throw CLIError(zh: "无法读取 \(document.path)", en: "cannot read \(document.path)")
        }
        let sha256 = Digests.sha256Hex(bytes)
        var manifest = LabelBatchFolder.manifestHeader + "\n"
        for (serial, uri) in uris {
            manifest += LabelBatchFolder.Entry(serial: serial, uri: uri, file: LabelBatchFolder.documentFileName, sha256: sha256).csvLine + "\n"
        }
        let final = folder.url.appendingPathComponent(LabelBatchFolder.manifestFileName)
        try Self.write(Data(manifest.utf8), to: final.path + ".partial")
        guard rename(final.path + ".partial", final.path) == 0 else { throw CLIError(zh: "无法写入 \(final.path)", en: "cannot write \(final.path)") }
        return (written, uris.count - written)
    }

    /// Writes rendered labels and their manifest lines, in order, on its own thread.
    private final class OutcomeWriter: @unchecked Sendable {
        let folder: LabelBatchFolder
        let manifest: FileHandle
        let progress: ProgressBar
        let finished = DispatchSemaphore(value: 0)
        private(set) var written = 0, kept = 0
        private(set) var failure: (any Error)?

        init(folder: LabelBatchFolder, manifest: FileHandle, progress: ProgressBar) {
            self.folder = folder
            self.manifest = manifest
            self.progress = progress
        }

        func drain(_ channel: BatchChannel<Outcome>) {
            defer { finished.signal() }
            do {
                while let outcomes = try channel.receive() {
                    var lines = ""
                    for outcome in outcomes {
                        lines += outcome.entry.csvLine + "\n"
                        guard let bytes = outcome.bytes else { kept += 1; continue }
                        let file = folder.url.appendingPathComponent(outcome.entry.file)
                        let partial = file.appendingPathExtension("partial")
                        try LabelBatchWriter.write(bytes, to: partial.path)
                        guard rename(partial.path, file.path) == 0 else {
                            throw CLIError(zh: "无法写入 \(file.path)", en: "cannot write \(file.path)")
                        }
                        written += 1
                    }
                    try manifest.write(contentsOf: Data(lines.utf8))
                    progress.advance(by: outcomes.count)
                }
            } catch {
                failure = error
                channel.cancel()
            }
        }
    }

    private struct Outcome {
        var entry: LabelBatchFolder.Entry
        /// The rendered label, still to be written; `nil` when the file was already there.
        var bytes: Data?
        var written: Bool { bytes != nil }
    }

    /// Renders (or reads back) one chunk's labels, each worker taking the next serial
    /// not yet taken: a worker slowed down (the writer thread shares its core) leaves
    /// more to the others instead of keeping them waiting at the chunk's end, which
    /// fixed shares did (1.84 of 2 cores busy).
    private func renderChunk(_ serials: [Int64], renderers: [LabelRenderer]) throws -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: serials.count)
        let failure = FailureSlot(), next = NextIndex()
        outcomes.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots), renderers = UnsafeSendable(renderers)
            DispatchQueue.concurrentPerform(iterations: renderers.value.count) { worker in
                while let index = next.take(below: serials.count) {
                    do {
                        slots.value[index] = try label(serial: serials[index], renderer: renderers.value[worker])
                    } catch {
                        failure.record(error)
                        return
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        return outcomes.map { $0! }
    }

    private func label(serial: Int64, renderer: LabelRenderer) throws -> Outcome {
        let name = LabelBatchFolder.fileName(serial: serial, format: job.format)
        let file = folder.url.appendingPathComponent(name)
        let uri = try SerialSignature.signedURI(resolver: resolver, gtin: batch.gtin, lot: batch.lot, serial: String(serial), key: key)
        if access(file.path, F_OK) == 0, let existing = FileManager.default.contents(atPath: file.path) {
            return Outcome(entry: .init(serial: serial, uri: uri, file: name, sha256: Digests.sha256Hex(existing)), bytes: nil)
        }
        let bytes = Data(try renderer.render(serial: String(serial), uri: uri))
        return Outcome(entry: .init(serial: serial, uri: uri, file: name, sha256: Digests.sha256Hex(bytes)), bytes: bytes)
    }

    /// Writes a file with plain POSIX calls: no fsync per label (the rename makes it
    /// whole; a crash loses at most labels that resume writes again).
    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CLIError(zh: "无法写入 \(path)", en: "cannot write \(path)") }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw CLIError(zh: "无法写入 \(path)", en: "cannot write \(path)") }
    }
}

/// A value handed to worker threads that the caller keeps apart by index.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Hands out indices 0, 1, 2, … to workers, each once.
final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// The first error any worker met.
final class FailureSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    func record(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = error }
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }
}
