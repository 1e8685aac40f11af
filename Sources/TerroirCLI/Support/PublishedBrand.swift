import CatalogStore

/// The current published standard of a brand, or an environment error that says how
/// to publish it.
enum PublishedBrand {
    static func current(_ brand: String, in store: CatalogStore) throws -> PublishedStandard {
        guard let published = try store.currentStandard(brand: brand) else {
            throw CLIError(message: StoreError.brandNotPublished(brand).message)
        }
        return published
    }
}
