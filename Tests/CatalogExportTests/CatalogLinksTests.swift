import CatalogExport
import Foundation
import Testing

/// The pages exports link to are read back by the server from the same shapes.
struct CatalogLinksTests {
    @Test(arguments: [CatalogLinks.Page.product(12), .brand("yantai-apple"), .mark("sihong-4x")])
    func everyLinkReadsBackUnderAnyPrefix(page: CatalogLinks.Page) throws {
        for base in ["https://id.sihong.example.cn", "https://id.yantai.example.cn/gi", "https://id.example.cn/a/b/c", "https://id.example.cn//x"] {
            let url = CatalogLinks.url(page, base: base)
            let path = String(url.dropFirst(url.range(of: "://")!.upperBound.utf16Offset(in: url)).drop { $0 != "/" })
            #expect(CatalogLinks.page(path: path) == page, "\(url)")
        }
    }

    @Test(arguments: ["/products/abc", "/products/0", "/brands/Bad!", "/brands/x/logo.png", "/01/06901234567014",
                          "/products", "/mark.png", "/brands/mark.png", "//products//"])
    func otherPathsAreNoPage(path: String) {
        #expect(CatalogLinks.page(path: path) == nil)
    }
}
