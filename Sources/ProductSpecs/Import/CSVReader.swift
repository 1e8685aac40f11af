import Foundation

/// Reads RFC 4180 CSV from a file in chunks, one record at a time, so that memory
/// does not grow with the file. Quoted fields may hold commas, quotes (`""`) and line
/// breaks. A UTF-8 byte-order mark is skipped.
public struct CSVReader {
    /// Why a CSV file could not be read.
    public enum Problem: Error, Equatable, Sendable {
        /// A record's bytes are not UTF-8 (`line` is where the record starts).
        case notUTF8(line: Int, looksLikeGB18030: Bool)
        /// A quoted field never closes.
        case unterminatedQuote(line: Int)
        /// A quote appears inside an unquoted field.
        case strayQuote(line: Int)
        /// The file cannot be opened or read.
        case unreadable(String)
        /// The file is UTF-16 (as Excel's "Unicode text" saves it), with or without a
        /// byte-order mark.
        case utf16
    }

    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var started = false

    /// Opens a file for reading.
    /// - Parameter chunkSize: how many bytes to read at a time.
    /// - Throws: `Problem.unreadable` when it cannot be opened.
    public init(url: URL, chunkSize: Int = 1 << 20) throws(Problem) {
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw .unreadable(url.path) }
        self.chunkSize = max(1, chunkSize)
        let head = [UInt8](handle.readData(ofLength: 64))
        guard (try? handle.seek(toOffset: 0)) != nil else { throw .unreadable(url.path) }
        if Self.looksLikeUTF16(head) { throw .utf16 }
    }

    /// A UTF-16 byte-order mark, or text whose every other byte is NUL (ASCII in
    /// UTF-16 without one). UTF-8 text never holds NUL.
    static func looksLikeUTF16(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        guard head.count >= 4 else { return false }
        let even = stride(from: 0, to: head.count, by: 2).map { head[$0] }, odd = stride(from: 1, to: head.count, by: 2).map { head[$0] }
        return even.allSatisfy { $0 == 0 } != odd.allSatisfy { $0 == 0 }
    }

    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        guard let chunk = readChunk() else { return false }
        buffer = Array(chunk)
        position = 0
        return true
    }

    /// The file's next chunk; `nil` at its end.
    private mutating func readChunk() -> Data? {
        if atEnd { return nil }
        let chunk = handle.readData(ofLength: chunkSize)
        atEnd = chunk.isEmpty
        return atEnd ? nil : chunk
    }

    private mutating func peek() -> UInt8? {
        fill() ? buffer[position] : nil
    }

    private mutating func next() -> UInt8? {
        guard fill() else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    /// The next record with the line it starts on, or `nil` at the end of the file.
    /// Blank lines are skipped.
    /// - Throws: `Problem` for malformed CSV or text that is not UTF-8.
    public mutating func nextRecord() throws(Problem) -> (line: Int, fields: [String])? {
        if !started {
            started = true
            // The mark's three bytes may come in more than one chunk.
            while fill(), buffer.count < 3, let more = readChunk() { buffer += more }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        while true {
            guard let first = peek() else { return nil }
            if first == 0x0A { _ = next(); line += 1; continue }
            if first == 0x0D { _ = next(); continue }
            break
        }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        // The bytes of the field so far OR-ed together: below 0x80, it is ASCII, which
        // needs no UTF-8 validation (most cells are).
        var highBits: UInt8 = 0
        func finish(_ bytes: ArraySlice<UInt8>) throws(Problem) {
            if highBits < 0x80 {
                fields.append(String(decoding: bytes, as: UTF8.self))
            } else if let text = String(validating: bytes, as: UTF8.self) {
                fields.append(text)
            } else {
                throw .notUTF8(line: startLine, looksLikeGB18030: Self.looksLikeGB18030(Array(bytes)))
            }
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
            highBits = 0
        }
        while fill() {
            if quoted {
                // Up to the next quote, line breaks included.
                let (end, bits, breaks) = scan(stoppingAt: 0x22, 0x22, 0x22, counting: 0x0A)
                field.append(contentsOf: buffer[position..<end])
                (highBits, line, position) = (highBits | bits, line + breaks, end)
                guard position < buffer.count else { continue }
                position += 1
                if peek() == 0x22 { position += 1; field.append(0x22) } else { quoted = false }
                continue
            }
            // An unquoted run ends at a comma, a line break or a quote.
            let (end, bits, returns) = scan(stoppingAt: 0x2C, 0x0A, 0x22, counting: 0x0D)
            highBits |= bits
            guard end < buffer.count else {
                // The run goes on in the next chunk.
                if returns > 0 { field += buffer[position..<end].filter { $0 != 0x0D } } else { field += buffer[position..<end] }
                position = end
                continue
            }
            let run = buffer[position..<end]
            position = end + 1
            switch buffer[end] {
            case 0x2C, 0x0A:
                // A carriage return before a line break (or anywhere unquoted) is dropped.
                let rest = returns > 0 ? ArraySlice(run.filter { $0 != 0x0D }) : run
                try finish(field.isEmpty ? rest : ArraySlice(field + rest))
                if buffer[end] == 0x0A {
                    line += 1
                    return (startLine, fields)
                }
            default:
                guard field.isEmpty, run.allSatisfy({ $0 == 0x0D }), !wasQuoted else { throw .strayQuote(line: line) }
                quoted = true
                wasQuoted = true
            }
        }
        if quoted { throw .unterminatedQuote(line: startLine) }
        try finish(field[...])
        return (startLine, fields)
    }

    /// Scans the buffer from `position` to the first of three bytes (or the end):
    /// where it stopped, the scanned bytes OR-ed together, and how many times it
    /// passed the counted byte.
    private func scan(stoppingAt first: UInt8, _ second: UInt8, _ third: UInt8, counting counted: UInt8) -> (end: Int, bits: UInt8, count: Int) {
        buffer.withUnsafeBufferPointer { bytes in
            var index = position, bits: UInt8 = 0, count = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == first || byte == second || byte == third { break }
                bits |= byte
                if byte == counted { count += 1 }
                index += 1
            }
            return (index, bits, count)
        }
    }

    /// Whether bytes that are not UTF-8 read as GB18030/GBK double-byte text, as
    /// Chinese spreadsheet software saves CSV by default.
    static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        var index = 0, pairs = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            guard (0x81...0xFE).contains(byte), index + 1 < bytes.count else { return false }
            let trail = bytes[index + 1]
            guard (0x40...0xFE).contains(trail) && trail != 0x7F || (0x30...0x39).contains(trail) else { return false }
            pairs += 1
            index += (0x30...0x39).contains(trail) ? 4 : 2
        }
        return pairs > 0
    }
}
