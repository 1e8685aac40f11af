import Measures

/// Commitment certificates (承诺达标合格证, Ministry of Agriculture and Rural Affairs
/// order 2025 No. 4, in force since 2026-02-01): which of the brand's categories are
/// sold with one, and which commitments and bases its producers may choose.
public struct CertificateRules: Equatable, Sendable, Codable {
    /// The categories whose products are handed over with a certificate.
    public var categories: [String]
    /// The commitment texts a certificate may carry.
    public var commitments: [CertificateCommitment]
    /// The bases a commitment may rest on.
    public var bases: [CertificateBasis]

    public init(categories: [String], commitments: [CertificateCommitment] = CertificateCommitment.allCases,
                bases: [CertificateBasis] = CertificateBasis.allCases) {
        self.categories = categories
        self.commitments = commitments
        self.bases = bases
    }
}

/// Who commits, and to what: the texts the rules give, word for word.
public enum CertificateCommitment: String, Equatable, Sendable, Codable, CaseIterable {
    /// The producer's own commitment.
    case producer
    /// A purchaser's (a dealer's) who resells what it bought with certificates.
    case purchaser

    /// The commitment as the certificate prints it (the Chinese is the legal text).
    public var text: LocalizedText {
        switch self {
        case .producer:
            LocalizedText(zh: "未使用禁用农药、兽药及其他化合物；使用的常规农药、兽药残留不超标",
                          en: "No banned pesticides, veterinary drugs or other compounds were used; residues of the usual pesticides and veterinary drugs used are within the limits")
        case .purchaser:
            LocalizedText(zh: "已按规定收取并保存该批次农产品承诺达标合格证或者其他质量安全合格证明；未违规使用保鲜剂、防腐剂、添加剂等",
                          en: "The certificates or other quality and safety proofs of this lot were collected and kept as required; no preservatives, antiseptics or additives were used against the rules")
        }
    }
}

/// What a commitment rests on.
public enum CertificateBasis: String, Equatable, Sendable, Codable, CaseIterable {
    /// 质量安全控制符合要求: the producer's quality and safety controls.
    case qualityControl = "quality-control"
    /// 自行检测合格: tested by the producer itself.
    case selfTest = "self-test"
    /// 委托检测合格: tested by a laboratory it commissioned.
    case commissionedTest = "commissioned-test"

    /// Whether the basis is a test, whose report number the certificate carries.
    public var isTest: Bool { self != .qualityControl }

    public var text: LocalizedText {
        switch self {
        case .qualityControl: LocalizedText(zh: "质量安全控制符合要求", en: "Quality and safety controls meet the requirements")
        case .selfTest: LocalizedText(zh: "自行检测合格", en: "Passed the producer's own test")
        case .commissionedTest: LocalizedText(zh: "委托检测合格", en: "Passed a commissioned laboratory test")
        }
    }
}
