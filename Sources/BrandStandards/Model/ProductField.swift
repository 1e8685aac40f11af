/// The fields every product has besides its category's attributes, as product files
/// name them: an id (`sku`) and the headers co-ops' spreadsheets give the column.
public enum ProductField: Int, CaseIterable, Sendable {
    case sku, gtin, category, nameZh, nameEn, description, origin, producer, outlet, price, availability

    /// The field's id: its CSV column and JSON key.
    public var name: String {
        switch self {
        case .sku: "sku"
        case .gtin: "gtin"
        case .category: "category"
        case .nameZh: "name_zh"
        case .nameEn: "name_en"
        case .description: "description"
        case .origin: "origin"
        case .producer: "producer"
        case .outlet: "outlet"
        case .price: "price"
        case .availability: "availability"
        }
    }

    /// Other headers that name the field, the Chinese one templates write first: what
    /// Excel and WPS sheets, Taobao and Pinduoduo exports and co-ops' own lists use.
    public var aliases: [String] {
        switch self {
        case .sku: ["货号", "商品编码", "商品编号", "产品编码", "产品编号", "商家编码", "款号", "item code"]
        case .gtin: ["条码", "条形码", "商品条码", "商品条形码", "国际条码", "69码", "barcode", "ean", "ean13", "ean-13", "upc"]
        case .category: ["品类", "类别", "分类", "商品类别", "产品类别", "商品分类"]
        case .nameZh: ["商品名称", "产品名称", "名称", "品名", "中文名称", "中文名", "name", "product name", "chinese name"]
        case .nameEn: ["英文名称", "英文名", "english name", "name (english)"]
        case .description: ["描述", "商品描述", "产品描述", "商品介绍", "产品介绍", "简介", "说明"]
        case .origin: ["产地代码", "产地", "产地编码", "行政区划代码", "区划代码", "origin code"]
        case .producer: ["生产者", "生产者编号", "生产者代码", "生产主体", "producer id"]
        case .outlet: ["店铺", "店铺名称", "网店", "门店", "销售店铺", "shop", "store"]
        case .price: ["价格", "售价", "单价", "零售价", "销售价", "价钱", "retail price", "unit price"]
        case .availability: ["供货状态", "库存状态", "供货", "现货状态", "stock", "stock status", "in stock"]
        }
    }

    /// The field with this id.
    public init?(name: String) {
        guard let field = Self.byName[name] else { return nil }
        self = field
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
