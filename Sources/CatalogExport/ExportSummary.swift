import Measures

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
    /// Products written.
    public var written = 0
    /// Products the format could not carry, in id order.
    public var leftOut: [LeftOutProduct] = []
}

/// A product an export left out, and why.
public struct LeftOutProduct: Sendable, Equatable {
    public let id: Int64
    public let sku: String
    public let reason: LocalizedText
}
