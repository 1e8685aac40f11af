import ArgumentParser
import Foundation
import Hummingbird
import TerroirServer

/// `terroir-server`: serves the store over HTTP until SIGTERM or SIGINT, then finishes
/// the requests in flight and stops.
struct TerroirServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terroir-server",
        abstract: "The Terroir HTTP service: catalog, products, label batches and the Digital Link resolver."
    )

    @Option(help: "Address to listen on (default: $TERROIR_HOST, else 127.0.0.1).") var host: String?
    @Option(help: "Port (default: $TERROIR_PORT, else 8080).") var port: Int?
    @Option(help: "The database file (default: $TERROIR_DB, else ./var/terroir.sqlite).") var db: String?
    @Option(help: "The folder of brand marks (default: Assets).") var assets: String?
    @Option(help: "The folder of brands whose standards officers publish (default: Brands).") var brands: String?
    @Option(name: .customLong("rate-limit"), help: "Requests per second one key may make on average; twice that in a burst (default: 200).")
    var rateLimit: Double?

    static func main() async -> Int32 {
        do {
            // `--help` and `-h` come back as the parser's own help command, not as this
            // one: print the help rather than cast.
            guard let command = try parseAsRoot() as? TerroirServerCommand else {
                print(helpMessage())
                return 0
            }
            try await command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success { print(fullMessage(for: error)); return 0 }
            FileHandle.standardError.write(Data("terroir-server: \(fullMessage(for: error))\n".utf8))
            return code == .failure ? 2 : code.rawValue
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ServerConfiguration()
        configuration.host = host ?? environment["TERROIR_HOST"] ?? configuration.host
        configuration.port = port ?? environment["TERROIR_PORT"].flatMap(Int.init) ?? configuration.port
        configuration.databasePath = db ?? configuration.databasePath
        configuration.assetsPath = assets ?? configuration.assetsPath
        configuration.brandsPath = brands ?? configuration.brandsPath
        if let rateLimit = rateLimit ?? environment["TERROIR_RATE_LIMIT"].flatMap(Double.init), rateLimit > 0 {
            configuration.requestsPerSecond = rateLimit
            configuration.burst = rateLimit * 2
        }
        try await serve(configuration: configuration)
    }
}
