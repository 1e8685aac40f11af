import Foundation

/// Reads RFC 4180 CSV from a file in chunks, one record at a time, so that memory
/// does not grow with the file. Quoted fields may hold commas, quotes (`""`) and line
/// breaks.
///
/// The file may be UTF-8 (with or without a byte-order mark), GB18030 (GBK) or UTF-16
/// with a mark or, without one, recognised by its NULs; `encoding` says which was
/// read. 8-bit text is told apart by its first 64 KiB (see `TextEncoding.reading`),
/// and each cell is decoded strictly: a cell that is not text in the file's encoding is
/// refused with its line and column, never patched.
public struct CSVReader {
    /// Why a CSV file could not be read.
    public enum Problem: Error, Equatable, Sendable {
        /// A cell (`column` from 0) on the record starting at `line` whose bytes are not
        /// text in the file's encoding; `nil` when they are neither UTF-8 nor GB18030.
        case undecodable(line: Int, column: Int, encoding: TextEncoding?)
        /// The first cell that is not ASCII reads both as UTF-8 and as GB18030, and the
        /// file gives nothing else to tell them apart.
        case ambiguousEncoding(line: Int, column: Int, asUTF8: String, asGB18030: String)
        /// A quoted field never closes.
        case unterminatedQuote(line: Int)
        /// A quote appears inside an unquoted field.
        case strayQuote(line: Int)
        /// The file cannot be opened or read.
        case unreadable(String)
    }

    /// Where the bytes come from.
    private enum Source {
        case file(FileHandle)
        case memory([UInt8], next: Int)
    }

    /// How cells are decoded, as far as the file has shown.
    private enum CellEncoding {
        /// Only ASCII so far.
        case undecided
        case utf8
        case gb18030
        /// The start of the file reads both ways: the first cell that is not ASCII is refused.
        case ambiguous
    }

    private var source: Source
    private let chunkSize: Int
    private var transcoder: UTF16Transcoder?
    private var cellEncoding: CellEncoding = .undecided
    private let gb18030 = GB18030Decoder()
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    /// `,`, or a tab when the header holds tabs and no commas (Excel's "Unicode text").
    private var delimiter: UInt8 = 0x2C

    /// The file's encoding as far as it was read: `nil` while it held only ASCII.
    public var encoding: TextEncoding? {
        if let transcoder { return transcoder.bigEndian ? .utf16BigEndian : .utf16LittleEndian }
        switch cellEncoding {
        case .utf8: return .utf8
        case .gb18030: return .gb18030
        case .undecided, .ambiguous: return nil
        }
    }
    /// Whether the file starts with a byte-order mark.
    public private(set) var hasByteOrderMark = false

    /// Opens a file for reading.
    /// - Parameter chunkSize: how many bytes to read at a time.
    /// - Throws: `Problem.unreadable` when it cannot be opened.
    public init(url: URL, chunkSize: Int = 1 << 20) throws(Problem) {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw .unreadable(url.path) }
        self.init(source: .file(handle), chunkSize: chunkSize)
    }

    /// Reads CSV held in memory.
    public init(bytes: [UInt8], chunkSize: Int = 1 << 20) {
        self.init(source: .memory(bytes, next: 0), chunkSize: chunkSize)
    }

    /// Reads the file's start (64 KiB at least) to tell its encoding and delimiter.
    private init(source: Source, chunkSize: Int) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        var head: [UInt8] = []
        while head.count < max(self.chunkSize, 1 << 16), let chunk = readRawChunk() { head += chunk }
        if let (encoding, markLength) = TextEncoding.marked(Array(head.prefix(64))) {
            hasByteOrderMark = markLength > 0
            head.removeFirst(markLength)
            if encoding == .utf16LittleEndian || encoding == .utf16BigEndian {
                transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BigEndian)
                head = transcoder!.feed(head, atEnd: atEnd)
            }
            cellEncoding = .utf8
        } else {
            // Up to the last line break: a character is never cut there.
            let whole = atEnd ? head[...] : head[..<(head.lastIndex(of: 0x0A) ?? head.endIndex)]
            switch TextEncoding.reading(whole, gb18030: gb18030) {
            case .ascii, .neither: cellEncoding = .undecided
            case .utf8: cellEncoding = .utf8
            case .gb18030: cellEncoding = .gb18030
            case .ambiguous: cellEncoding = .ambiguous
            }
        }
        let firstLine = head.prefix { $0 != 0x0A }
        if firstLine.contains(0x09) && !firstLine.contains(0x2C) { delimiter = 0x09 }
        buffer = head
    }

    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        while true {
            guard let chunk = readChunk() else { return false }
            // A UTF-16 chunk of a single byte gives no UTF-8 yet.
            if chunk.isEmpty { continue }
            buffer = chunk
            position = 0
            return true
        }
    }

    /// The file's next chunk as UTF-8 (or as the 8-bit text it is); `nil` at its end.
    private mutating func readChunk() -> [UInt8]? {
        guard transcoder != nil else { return readRawChunk() }
        if atEnd { return nil }
        let raw = readRawChunk()
        let bytes = transcoder!.feed(raw ?? [], atEnd: raw == nil)
        return raw == nil && bytes.isEmpty ? nil : bytes
    }

    /// The source's next bytes; `nil` at its end.
    private mutating func readRawChunk() -> [UInt8]? {
        if atEnd { return nil }
        switch source {
        case .file(let handle):
            let chunk = handle.readData(ofLength: chunkSize)
            if chunk.isEmpty { atEnd = true; return nil }
            return [UInt8](chunk)
        case .memory(let bytes, let next):
            guard next < bytes.count else { atEnd = true; return nil }
            let end = min(bytes.count, next + chunkSize)
            source = .memory(bytes, next: end)
            return Array(bytes[next..<end])
        }
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
            } else {
                fields.append(try decode(bytes, line: startLine, column: fields.count))
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
            let (end, bits, returns) = scan(stoppingAt: delimiter, 0x0A, 0x22, counting: 0x0D)
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
            case delimiter, 0x0A:
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

    /// A cell that is not ASCII, in the file's encoding; the first such cell of a
    /// file that showed only ASCII so far decides it.
    private mutating func decode(_ bytes: ArraySlice<UInt8>, line: Int, column: Int) throws(Problem) -> String {
        switch cellEncoding {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .undecodable(line: line, column: column, encoding: encoding ?? .utf8) }
            return text
        case .gb18030:
            guard let text = gb18030.decode(bytes) else { throw .undecodable(line: line, column: column, encoding: .gb18030) }
            return text
        case .ambiguous:
            throw .ambiguousEncoding(line: line, column: column, asUTF8: String(decoding: bytes, as: UTF8.self),
                                     asGB18030: gb18030.decode(bytes) ?? "")
        case .undecided:
            switch TextEncoding.reading(bytes, gb18030: gb18030) {
            case .utf8, .ascii: cellEncoding = .utf8
            case .gb18030: cellEncoding = .gb18030
            case .ambiguous: cellEncoding = .ambiguous
            case .neither: throw .undecodable(line: line, column: column, encoding: nil)
            }
            return try decode(bytes, line: line, column: column)
        }
    }
}
