import ArgumentParser

/// Human output by default, JSON for machines.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
