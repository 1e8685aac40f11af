import ArgumentParser
import CatalogStore
import ProductSpecs

/// Saves checked producers, or prints why entries were refused (exit 1, nothing saved).
enum ProducerRegistration {
    static func save(_ producers: [Producer], rejected: [ProducerFileReader.Rejection], store: CatalogStore, actor: String) throws {
        guard rejected.isEmpty else {
            for rejection in rejected {
                for finding in rejection.findings {
                    print(FindingText.render(finding, row: "entry \(rejection.entry)\(rejection.id.map { " (\($0))" } ?? "")"))
                }
            }
            print("\(rejected.count) producer(s) refused; nothing was saved")
            throw ExitCode(1)
        }
        let (added, updated, unchanged) = try store.saveProducers(producers, actor: actor)
        print("producers: \(added) added, \(updated) updated, \(unchanged) unchanged")
    }
}
