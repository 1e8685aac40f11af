import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// Why an operation was refused or failed: a kind that front doors map to their own
/// terms (an HTTP status, an exit code), a stable code, and a message in both languages.
public struct WorkflowError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The role may not perform the operation, or the subject is outside its scope.
        case forbidden
        /// The subject does not exist.
        case notFound
        /// The subject's state refuses it (already exists, cannot change so).
        case conflict
        /// The request is wrong: a field, a value, a rule of the standard.
        case invalid
        /// The store failed: not the caller's doing.
        case failure
    }

    public let kind: Kind
    public let code: String
    public let message: LocalizedText
    /// Each reason, when there are several (a refused label batch).
    public var reasons: [LocalizedText] = []
    /// What a check of the request found, field by field (a producer entry refused).
    public var findings: [Finding] = []
    /// Why a file could not be read as products, with its line, as the reader said it.
    public var fileError: ImportFileError?
    /// The compliance report of a product refused for not meeting its standard.
    public var compliance: ComplianceReport?
    /// What the lint of a brand standard refused found, file position by position.
    public var diagnostics: [Diagnostic] = []

    public init(_ kind: Kind, _ code: String, _ message: LocalizedText, reasons: [LocalizedText] = [], findings: [Finding] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.reasons = reasons
        self.findings = findings
    }

    public init(_ kind: Kind, _ code: String, zh: String, en: String) {
        self.init(kind, code, LocalizedText(zh: zh, en: en))
    }

    /// A refused entry: the first finding's code, every finding's message.
    public init(findings: [Finding]) {
        self.init(.invalid, findings.first?.code ?? "request.invalid",
                  LocalizedText(zh: findings.map(\.message.zh).joined(separator: "；"), en: findings.map(\.message.en).joined(separator: "; ")),
                  findings: findings)
    }

    /// A file that cannot be read as products (its encoding, a header, a JSON syntax error).
    public init(_ error: ImportFileError) {
        self.init(.invalid, error.code, error.message)
        fileError = error
    }

    /// A store error, in the kind its case means.
    public init(_ error: StoreError) {
        let kind: Kind = switch error {
        case .cannotOpen, .database: .failure
        case .brandNotPublished: .invalid
        case .producerNotFound, .productNotFound, .labelBatchNotFound, .certificateNotFound, .personNotFound: .notFound
        case .serialsOutsideBatch, .loginInvalid, .passwordWeak: .invalid
        case .usccTaken, .productHasLabels, .invalidTransition, .labelBatchHandedOff, .certificateRetained, .loginTaken: .conflict
        }
        self.init(kind, error.code, error.message)
    }

    /// - Throws: `reason.empty` for a reason that is given but says nothing.
    static func checkReason(_ reason: String?) throws(WorkflowError) {
        guard let reason, reason.allSatisfy(\.isWhitespace) else { return }
        throw WorkflowError(.invalid, "reason.empty", zh: "理由为空：请写明理由", en: "the reason is empty: say why")
    }

    /// Runs `work`, turning what it throws into a `WorkflowError`.
    static func catching<T>(_ work: () throws -> T) throws(WorkflowError) -> T {
        do {
            return try work()
        } catch let error as WorkflowError {
            throw error
        } catch let error as StoreError {
            throw WorkflowError(error)
        } catch {
            throw WorkflowError(.failure, "store.database", zh: "内部错误：\(error)", en: "internal error: \(error)")
        }
    }
}
