import BrandStandards
import DigitalLink
import Measures

extension ProductInput {
    /// The input a stored product was made from: its fields and attributes as
    /// entered, so that it can be validated again against a new standard version.
    public init(product: Product) {
        var fields: [String: String] = [
            "sku": product.sku, "category": product.category, "name_zh": product.name.zh, "name_en": product.name.en,
            "producer": product.producerID, "availability": product.availability.rawValue,
        ]
        fields["gtin"] = product.gtin?.digits
        fields["description"] = product.description
        fields["origin"] = product.origin?.digits
        fields["outlet"] = product.outlet
        fields["price"] = product.price?.plainText
        self.init(fields: fields, attributes: Dictionary(uniqueKeysWithValues: product.attributes.map { ($0.id, $0.entered) }))
    }
}
