import Foundation

/// The few facts of a PNG file that say whether it prints at true size: its pixel
/// size and its pHYs chunk.
struct PNGHeader: Equatable {
    let width: Int
    let height: Int
    /// Pixels per metre, when a pHYs chunk in metres is present.
    let pixelsPerMetre: Int?

    init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(1 << 16))
        guard bytes.count >= 33, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func integer(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = integer(16)
        height = integer(20)
        var offset = 8, perMetre: Int?
        while offset + 8 <= bytes.count {
            let length = integer(offset), type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if type == "pHYs", offset + 17 <= bytes.count, bytes[offset + 16] == 1 {
                perMetre = integer(offset + 8) == integer(offset + 12) ? integer(offset + 8) : nil
            }
            if type == "IDAT" || type == "IEND" { break }
            offset += 12 + length
        }
        pixelsPerMetre = perMetre
    }
}
