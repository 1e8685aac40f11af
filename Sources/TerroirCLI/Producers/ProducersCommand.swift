import ArgumentParser

/// `terroir producers`: who may sell under a brand, and the integrity record.
struct ProducersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producers",
        abstract: "Register, list and supervise producers.",
        subcommands: [
            ProducersAddCommand.self, ProducersUpdateCommand.self, ProducersImportCommand.self, ProducersListCommand.self, ProducersShowCommand.self,
            ProducersSuspendCommand.self, ProducersRevokeCommand.self, ProducersReinstateCommand.self,
        ]
    )
}
