import Measures

/// Why the store refused or failed an operation. Each case has a stable code.
public enum StoreError: Error, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case database(String)
    case brandNotPublished(String)
    case producerNotFound(String)
    /// A unified social credit code another producer is registered with.
    case usccTaken(uscc: String, producer: String)
    case productNotFound(String)
    case productHasLabels(String)
    case invalidTransition(subject: String, from: String, to: String)
    case labelBatchNotFound(Int64)
    /// Serials to void that the batch did not issue (`held` is the batch's range).
    case serialsOutsideBatch(batch: Int64, serials: String, held: String)
    /// A batch whose code package was handed off (at `at`), locked until an officer unlocks it.
    case labelBatchHandedOff(batch: Int64, at: String)
    case certificateNotFound(Int64)
    /// A certificate still inside the two years its record must be kept.
    case certificateRetained(id: Int64, until: String)
    /// A person's sign-in name that is taken, or not of the form it must have.
    case loginTaken(String)
    case loginInvalid(String)
    case personNotFound(String)
    /// A new password too short, or the one it replaces.
    case passwordWeak(LocalizedText)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .cannotOpen: "store.cannot_open"
        case .database: "store.database"
        case .brandNotPublished: "brand.not_published"
        case .producerNotFound: "producer.not_found"
        case .usccTaken: "producer.uscc_taken"
        case .productNotFound: "product.not_found"
        case .productHasLabels: "product.has_labels"
        case .invalidTransition: "status.invalid_transition"
        case .labelBatchNotFound: "labels.batch_not_found"
        case .serialsOutsideBatch: "labels.serials_outside_batch"
        case .labelBatchHandedOff: "labels.handed_off"
        case .certificateNotFound: "certificate.not_found"
        case .certificateRetained: "certificate.retained"
        case .loginTaken: "person.login_taken"
        case .loginInvalid: "person.login_invalid"
        case .personNotFound: "person.not_found"
        case .passwordWeak: "person.password_weak"
        }
    }

    /// What went wrong, in both languages.
    public var message: LocalizedText {
        switch self {
        case .cannotOpen(let path, let reason):
            LocalizedText(zh: "无法打开数据库 \(path)：\(reason)", en: "cannot open the database \(path): \(reason)")
        case .database(let reason):
            LocalizedText(zh: "数据库错误：\(reason)", en: "database error: \(reason)")
        case .brandNotPublished(let id):
            LocalizedText(zh: "品牌“\(id)”尚未发布；请先运行 terroir brands publish \(id)",
                          en: "brand “\(id)” has not been published; run terroir brands publish \(id) first")
        case .producerNotFound(let id):
            LocalizedText(zh: "没有生产者“\(id)”", en: "no producer “\(id)”")
        case .usccTaken(let uscc, let producer):
            LocalizedText(zh: "统一社会信用代码 \(uscc) 已登记为生产者“\(producer)”；一个主体只登记一次",
                          en: "the unified social credit code \(uscc) is registered to producer “\(producer)” already; one entity registers once")
        case .productNotFound(let id):
            LocalizedText(zh: "没有产品“\(id)”", en: "no product “\(id)”")
        case .productHasLabels(let id):
            LocalizedText(zh: "产品 \(id) 已发放标签，不能删除（扫码仍需解析）；请撤回", en: "labels were issued for product \(id), so it cannot be deleted (their scans must still resolve); withdraw it instead")
        case .invalidTransition(let subject, let from, let to):
            LocalizedText(zh: "\(subject) 不能从 \(from) 变为 \(to)", en: "\(subject) cannot go from \(from) to \(to)")
        case .labelBatchNotFound(let id):
            LocalizedText(zh: "没有标签批次 \(id)", en: "no label batch \(id)")
        case .serialsOutsideBatch(let batch, let serials, let held):
            LocalizedText(zh: "序号 \(serials) 不全在批次 \(batch) 中（该批次的序号为 \(held)）",
                          en: "serials \(serials) are not all in batch \(batch) (it holds serials \(held))")
        case .labelBatchHandedOff(let batch, let at):
            LocalizedText(zh: "批次 \(batch) 的码包已于 \(at) 交付印刷，已锁定；须由品牌管理员解锁：terroir labels unlock \(batch) --reason …",
                          en: "batch \(batch)'s code package was handed off for printing at \(at) and is locked; an officer unlocks it: terroir labels unlock \(batch) --reason …")
        case .certificateNotFound(let id):
            LocalizedText(zh: "没有合格证 \(id)", en: "no certificate \(id)")
        case .certificateRetained(let id, let until):
            LocalizedText(zh: "合格证 \(id) 的记录须保存至少两年，\(until) 之前不能删除；如内容有误请作废：terroir certificates void \(id) --reason …",
                          en: "certificate \(id)'s record must be kept at least two years and cannot be deleted before \(until); void it if it is wrong: terroir certificates void \(id) --reason …")
        case .loginTaken(let login):
            LocalizedText(zh: "登录名“\(login)”已被使用", en: "the sign-in name “\(login)” is taken")
        case .loginInvalid(let login):
            LocalizedText(zh: "登录名“\(login)”无效：应为 3 到 40 个小写字母、数字、点、连字符或下划线",
                          en: "the sign-in name “\(login)” is invalid: 3 to 40 lowercase letters, digits, dots, hyphens or underscores")
        case .personNotFound(let login):
            LocalizedText(zh: "没有登录名为“\(login)”的用户", en: "no person signs in as “\(login)”")
        case .passwordWeak(let why):
            why
        }
    }
}
