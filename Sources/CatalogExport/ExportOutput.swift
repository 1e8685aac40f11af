/// Where an export's bytes go: a file, standard output, an HTTP body. Text is
/// gathered into chunks of about 64 KiB, so that a large export makes few writes
/// and holds little in memory.
public final class ExportOutput {
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    private let chunkSize: Int

    /// Creates an output that hands each chunk to `sink`.
    public init(chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Appends text.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkSize { try flush() }
    }

    /// Appends bytes of UTF-8 text.
    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try flush() }
    }

    /// Lets `body` append to the buffer in place.
    public func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= chunkSize { try flush() }
    }

    /// Hands what is gathered to the sink.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
