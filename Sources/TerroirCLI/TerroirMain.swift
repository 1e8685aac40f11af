import ArgumentParser
import CatalogStore
import Foundation
import Labels
import Measures
import Workflows

/// Runs `terroir` with the exit codes its users rely on: 0 ok, 1 the input failed
/// its checks, 2 a usage or environment error. Never a stack trace.
public enum TerroirMain {
    /// Parses `arguments` (the process's own when `nil`), runs the command and returns
    /// the exit code.
    public static func run(_ arguments: [String]? = nil) async -> Int32 {
        do {
            var command = try TerroirCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitCode.success.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as LabelError {
            StandardError.write("terroir: \(error.message.en)\n         \(error.message.zh)\n")
            return 1
        } catch let error as WorkflowError {
            // A reference to nothing, like a store failure, is the caller's environment
            // (exit 2); a refusal by the rules is the input failing its checks (exit 1).
            StandardError.write(WorkflowErrorText.render(error) + "\n")
            return error.kind == .failure || error.kind == .notFound ? 2 : 1
        } catch let error as CLIError {
            StandardError.write("terroir: \(error.message.en)\n         \(error.message.zh)\n")
            return 2
        } catch let error as StoreError {
            // A store call a command makes itself, outside a workflow: its message as is.
            StandardError.write("terroir: \(error.message.en)\n         \(error.message.zh)\n")
            return 2
        } catch {
            let message = TerroirCommand.fullMessage(for: error)
            if TerroirCommand.exitCode(for: error) == .success {
                print(message)
                return ExitCode.success.rawValue
            }
            StandardError.write(message + "\n")
            return 2
        }
    }
}
