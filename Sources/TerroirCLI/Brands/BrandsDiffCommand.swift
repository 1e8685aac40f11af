import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation

/// `terroir brands diff ID V1 V2`: what changed between two published versions, as
/// the lines of their canonical JSON (pretty-printed) that differ.
struct BrandsDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Show what changed between two published versions of a brand.")

    @Argument(help: "The brand.") var id: String
    @Argument(help: "The older version number.") var from: Int
    @Argument(help: "The newer version number.") var to: Int
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let (old, new) = (try lines(of: from, in: catalog), try lines(of: to, in: catalog))
        print("--- \(id) version \(from)\n+++ \(id) version \(to)")
        let difference = new.difference(from: old)
        guard !difference.isEmpty else { print("(no difference)"); return }
        for change in difference.sorted(by: { $0.offset < $1.offset || ($0.offset == $1.offset && $0.isRemoval) }) {
            switch change {
            case .remove(_, let line, _): print("-" + line)
            case .insert(_, let line, _): print("+" + line)
            }
        }
    }

    private func lines(of number: Int, in catalog: CatalogStore) throws -> [String] {
        guard let published = try catalog.standard(brand: id, number: number) else {
            throw CLIError(zh: "品牌“\(id)”没有第 \(number) 版（见 terroir brands versions \(id)）", en: "brand “\(id)” has no version \(number) (see terroir brands versions \(id))")
        }
        let object = try JSONSerialization.jsonObject(with: try published.standard.canonicalJSON())
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: pretty, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

extension CollectionDifference.Change {
    var offset: Int {
        switch self {
        case .remove(let offset, _, _), .insert(let offset, _, _): offset
        }
    }

    var isRemoval: Bool {
        if case .remove = self { return true }
        return false
    }
}
