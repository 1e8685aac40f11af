import Measures

/// A usage or environment error (exit code 2), told in both languages.
struct CLIError: Error {
    let message: LocalizedText

    init(zh: String, en: String) {
        message = LocalizedText(zh: zh, en: en)
    }

    init(message: LocalizedText) {
        self.message = message
    }
}
