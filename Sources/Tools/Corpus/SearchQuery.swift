/// Free text turned into an FTS5 query that cannot be a syntax error: the words of the text,
/// each quoted as a string, joined with `OR`, so BM25 ranks chunks matching more (and rarer)
/// words first.
///
/// Everything that is not a letter or a digit separates words, as it does for the index's
/// `unicode61` tokenizer, so quotes, `*`, `^`, `:`, parentheses and `-` never reach FTS5, and
/// `AND`, `OR`, `NOT` and `NEAR` are searched for as words.
struct SearchQuery: Hashable {
    /// At most this many distinct words are searched for; the rest of a long query is ignored.
    static let maximumTerms = 64

    /// The distinct words, lowercased, in order of first appearance.
    let terms: [String]

    init(_ text: String) {
        var terms: [String] = []
        var seen: Set<String> = []
        var word = ""
        func flush() {
            if !word.isEmpty, terms.count < Self.maximumTerms, seen.insert(word).inserted {
                terms.append(word)
            }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(contentsOf: character.lowercased())
            } else {
                flush()
            }
        }
        flush()
        self.terms = terms
    }

    /// Whether the text had no words: such a query matches nothing.
    var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 match expression: `"w1" OR "w2" OR …`. A word holds no `"`, but any would be
    /// doubled, as FTS5 strings require.
    var expression: String {
        terms.map {
            "\""
                + $0.split(separator: "\"", omittingEmptySubsequences: false)
                .joined(separator: "\"\"") + "\""
        }
        .joined(separator: " OR ")
    }
}
