/// Turns UTF-16 into UTF-8 a chunk at a time, so that the CSV reader reads UTF-16
/// files as it reads UTF-8 ones: a code unit or a surrogate pair split between chunks
/// is kept for the next. A lone surrogate becomes the byte 0xFF, which is never
/// UTF-8, so that the CSV reader refuses its cell with the row and column.
struct UTF16Transcoder {
    let bigEndian: Bool
    private var carriedByte: UInt8?
    private var carriedHighSurrogate: UInt16?

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The UTF-8 of `bytes`, following those fed before; `atEnd` flushes what is left.
    mutating func feed(_ bytes: some Collection<UInt8>, atEnd: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var iterator = bytes.makeIterator()
        while true {
            let first: UInt8
            if let carried = carriedByte { first = carried; carriedByte = nil } else if let next = iterator.next() { first = next } else { break }
            guard let second = iterator.next() else { carriedByte = first; break }
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
            append(unit, to: &output)
        }
        if atEnd {
            if carriedHighSurrogate != nil || carriedByte != nil { output.append(0xFF) }
            carriedHighSurrogate = nil
            carriedByte = nil
        }
        return output
    }

    private mutating func append(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = carriedHighSurrogate {
            carriedHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                output.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
                return
            }
            output.append(0xFF)
        }
        switch unit {
        case 0xD800...0xDBFF: carriedHighSurrogate = unit
        case 0xDC00...0xDFFF: output.append(0xFF)
        default: output.append(contentsOf: UTF8.encode(Unicode.Scalar(unit)!)!)
        }
    }
}
