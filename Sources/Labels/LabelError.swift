/// Why a label part could not be made. Each case has a stable code.
public enum LabelError: Error, Equatable, Sendable {
    /// libqrencode could not encode the payload (too long for any QR version, say).
    case qrEncoding(String)
    /// libpng failed.
    case pngEncoding(String)
    /// FreeType could not start or read the font.
    case font(String)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .qrEncoding: "label.qr_encoding"
        case .pngEncoding: "label.png_encoding"
        case .font: "label.font"
        }
    }
}
