import Foundation

/// Reads a file line by line in chunks, for NDJSON.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 0

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    /// The next line's number (from 1) and bytes, without its line break.
    mutating func nextLine() -> (Int, [UInt8])? {
        var bytes: [UInt8] = []
        while true {
            if position >= buffer.count {
                if atEnd { break }
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { atEnd = true; break }
                buffer = Array(chunk)
                position = 0
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                bytes.append(contentsOf: buffer[position..<newline])
                position = newline + 1
                line += 1
                return (line, bytes)
            }
            bytes.append(contentsOf: buffer[position...])
            position = buffer.count
        }
        guard !bytes.isEmpty else { return nil }
        line += 1
        return (line, bytes)
    }
}
