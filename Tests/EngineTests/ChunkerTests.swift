import Engine
import Testing

@Suite("Chunking")
struct ChunkerTests {
    @Test("paragraphs are packed into chunks up to the limit, never split when they fit")
    func packsParagraphs() {
        let text = "First paragraph.\n\nSecond one here.\n\n\nThird, after two blank lines."
        #expect(
            Chunker(maxCharacters: 40).chunks(of: text) == [
                "First paragraph.\n\nSecond one here.", "Third, after two blank lines.",
            ])
        #expect(Chunker(maxCharacters: 1000).chunks(of: text).count == 1)
    }

    @Test("a paragraph over the limit is cut at sentence ends")
    func sentences() {
        let text = "One two three. Four five six? Seven eight nine! Ten."
        let chunks = Chunker(maxCharacters: 20).chunks(of: text)
        #expect(chunks == ["One two three.", "Four five six?", "Seven eight nine!", "Ten."])
        #expect(chunks.allSatisfy { $0.count <= 20 })
    }

    @Test("a sentence over the limit is cut at a space, and a word over it hard")
    func longSentence() {
        #expect(
            Chunker(maxCharacters: 10).chunks(of: "alpha beta gamma delta")
                == ["alpha beta", "gamma", "delta"])
        #expect(Chunker(maxCharacters: 4).chunks(of: "abcdefghij") == ["abcd", "efgh", "ij"])
    }

    @Test("every chunk respects the limit and no text is lost, for many limits")
    func invariants() {
        let text = (0..<40).map { paragraph in
            (0..<(paragraph % 7 + 1)).map { "Sentence \(paragraph).\($0) says something." }
                .joined(separator: " ")
        }.joined(separator: "\n\n")
        let words = text.split(whereSeparator: \.isWhitespace)
        for limit in [30, 64, 200, 1500] {
            let chunks = Chunker(maxCharacters: limit).chunks(of: text)
            #expect(chunks.allSatisfy { $0.count <= limit && !$0.isEmpty }, "\(limit)")
            #expect(
                chunks.flatMap { $0.split(whereSeparator: \.isWhitespace) } == words, "\(limit)")
            #expect(Chunker(maxCharacters: limit).chunks(of: text) == chunks)
        }
    }

    @Test("whitespace-only text has no chunks")
    func empty() {
        #expect(Chunker(maxCharacters: 100).chunks(of: " \n\n \t\n").isEmpty)
    }
}
