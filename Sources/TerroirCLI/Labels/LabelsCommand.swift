import ArgumentParser

/// `terroir labels ...`: serialised, signed labels for certified products.
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Issue, render, resume, verify, list, void and hand off label batches; list label sheets.",
        subcommands: [LabelsGenerateCommand.self, LabelsResumeCommand.self, LabelsVerifyCommand.self, LabelsListCommand.self, LabelsVoidCommand.self, LabelsHandOffCommand.self, LabelsUnlockCommand.self, LabelsSheetsCommand.self]
    )
}
