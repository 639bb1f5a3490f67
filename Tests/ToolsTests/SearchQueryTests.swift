import Testing

@testable import Tools

@Suite("search queries")
struct SearchQueryTests {
    @Test("words become quoted terms joined by OR; operators and punctuation are only words")
    func expression() {
        #expect(SearchQuery("Lens AND focal*").expression == #""lens" OR "and" OR "focal""#)
        #expect(SearchQuery("NEAR(a b)").expression == #""near" OR "a" OR "b""#)
        #expect(SearchQuery("\"x\" x X").expression == #""x""#)
    }

    @Test("text without letters or digits is an empty query")
    func empty() {
        #expect(SearchQuery(" *()\"'- ").isEmpty)
    }

    @Test("a long query keeps its first words")
    func long() {
        let text = (0..<200).map { "w\($0)" }.joined(separator: " ")
        #expect(SearchQuery(text).terms.count == SearchQuery.maximumTerms)
        #expect(SearchQuery(text).terms.first == "w0")
    }
}
