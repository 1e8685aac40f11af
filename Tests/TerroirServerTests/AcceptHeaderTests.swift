@testable import TerroirServer
import Testing

/// `Accept` with q-values (RFC 9110 §12.5.1): the most specific range decides.
struct AcceptHeaderTests {
    @Test func theMostSpecificRangeGivesTheQuality() {
        let browser = AcceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        #expect(browser.quality(of: "text/html") == 1)
        #expect(browser.quality(of: "application/json") == 0.8)
        let picky = AcceptHeader("text/*;q=0.3, text/html;q=0, application/JSON ; q=0.7")
        #expect(picky.quality(of: "text/html") == 0)
        #expect(picky.quality(of: "text/plain") == 0.3)
        #expect(picky.quality(of: "application/json") == 0.7)
        #expect(picky.quality(of: "image/png") == 0)
        #expect(AcceptHeader(nil).quality(of: "text/html") == 1)
        #expect(AcceptHeader("").quality(of: "application/json") == 1)
        #expect(AcceptHeader("application/json;q=oops").quality(of: "application/json") == 0)
    }

    @Test func thePreferredChoiceIsTheFirstOfTheBest() {
        let offered: [(StaticString, String)] = [("text/html", "redirect"), ("application/linkset+json", "linkset"), ("application/json", "json")]
        #expect(AcceptHeader("*/*").preferred(offered) == "redirect")
        #expect(AcceptHeader("application/json").preferred(offered) == "json")
        #expect(AcceptHeader("text/html;q=0.5, application/linkset+json").preferred(offered) == "linkset")
        #expect(AcceptHeader("text/html;q=0, */*;q=0.1").preferred(offered) == "linkset")
        #expect(AcceptHeader("image/png").preferred(offered) == nil)
    }
}
