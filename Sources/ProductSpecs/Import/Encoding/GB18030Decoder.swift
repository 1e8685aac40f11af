#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes GB18030 (GBK, GB2312) with the C library's iconv, strictly: text with a
/// byte sequence GB18030 does not define is refused, never patched with U+FFFD.
/// One decoder serves one thread.
final class GB18030Decoder {
    private let converter: iconv_t?

    init() {
        let handle = iconv_open("UTF-8", "GB18030")
        converter = handle == iconv_t(bitPattern: -1) ? nil : handle
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// The text `bytes` encode, or `nil` when they are not GB18030 (or the C library
    /// has no GB18030 converter).
    func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let converter else { return nil }
        // Reset the shift state a previous, failed call may have left.
        iconv(converter, nil, nil, nil, nil)
        // A GB18030 character of 2 bytes is 3 in UTF-8, one of 4 is at most 4.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 4)
        var input = Array(bytes)
        let written: Int? = input.withUnsafeMutableBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBytes.count, outLeft = outputBytes.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                // A sequence cut off at the end is an error only a flush reports.
                guard iconv(converter, nil, nil, &outPointer, &outLeft) != -1 else { return nil }
                return outputBytes.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
