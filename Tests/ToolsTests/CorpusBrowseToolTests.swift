import Basics
import Testing
import Tools

@Suite("corpus-browse tool")
struct CorpusBrowseToolTests {
    static let alphabet = CorpusDocument(
        id: "letters/alphabet.txt", discipline: "letters", text: "abcdefghijklmnopqrstuvwxy")

    static let corpus = Corpus(
        documents: SampleCorpus.documents + [alphabet],
        chunks: SampleCorpus.chunks + [
            CorpusChunk(
                id: "letters/alphabet.txt#0", document: "letters/alphabet.txt",
                discipline: "letters", text: "abcdefghijklmnopqrstuvwxy")
        ])

    let tool = CorpusBrowseTool(
        name: "browse", corpus: Self.corpus, configuration: .init(maxChars: 10))

    @Test("the first window says which characters it shows and how to get the next")
    func firstWindow() async throws {
        let result = try await tool.run(["id": "letters/alphabet.txt"])
        #expect(!result.isError)
        #expect(result.truncated)
        #expect(
            result.text == """
                document letters/alphabet.txt (letters): characters 0–10 of 25; for the next \
                window, call browse with {"id": "letters/alphabet.txt", "offset": 10}

                abcdefghij
                """)
    }

    @Test("a window at an offset continues from there, and the last one says it is the end")
    func laterWindows() async throws {
        let middle = try await tool.run(["id": "letters/alphabet.txt", "offset": 10])
        #expect(middle.text.hasSuffix("\n\nklmnopqrst"))
        #expect(middle.text.contains("\"offset\": 20}"))
        let last = try await tool.run(["id": "letters/alphabet.txt", "offset": "20"])
        #expect(!last.isError)
        #expect(!last.truncated)
        #expect(
            last.text.hasPrefix(
                "document letters/alphabet.txt (letters): characters 20–25 of 25 (the end)"))
        #expect(last.text.hasSuffix("\n\nuvwxy"))
    }

    @Test("a chunk id opens the chunk and names its document")
    func chunk() async throws {
        let wide = CorpusBrowseTool(corpus: Self.corpus)
        let result = try await wide.run(["id": "physics/optics.md#0"])
        #expect(!result.isError)
        #expect(
            result.text.hasPrefix(
                "passage physics/optics.md#0 (physics, of document physics/optics.md)"))
        #expect(result.text.hasSuffix("A thin lens bends light by refraction."))
    }

    @Test("an offset past the end is an error result")
    func pastTheEnd() async throws {
        let result = try await tool.run(["id": "letters/alphabet.txt", "offset": 25])
        #expect(result.isError)
        #expect(result.text.contains("has 25 characters"))
    }

    @Test(
        "bad offsets are error results",
        arguments: [-1, 2.5, "ten", true] as [JSONValue])
    func badOffsets(offset: JSONValue) async throws {
        let result = try await tool.run(["id": "letters/alphabet.txt", "offset": offset])
        #expect(result.isError)
        #expect(result.text.contains("'offset'"))
    }

    @Test("an unknown id is an error result listing close ids")
    func unknownID() async throws {
        let result = try await tool.run(["id": "physics/optic.md"])
        #expect(result.isError)
        #expect(
            result.text.hasPrefix(
                "no document or passage has the id 'physics/optic.md'; close ids: physics/optics.md"
            ))
        let listed = result.text.split(separator: ":").last?.split(separator: ",") ?? []
        #expect(listed.count == 5)
    }

    @Test("a missing id is an error result")
    func missingID() async throws {
        let result = try await tool.run(["offset": 0])
        #expect(result.isError)
        #expect(result.text == "missing the required argument 'id' (a string)")
    }

    @Test("the definition asks for an id and an optional offset")
    func definition() {
        #expect(tool.definition["name"] == "browse")
        #expect(tool.definition["parameters"]?["required"] == ["id"])
        #expect(tool.definition["parameters"]?["properties"]?["offset"]?["type"] == "integer")
        #expect(tool.configuration == ["kind": "corpus-browse", "max_chars": 10])
        #expect(tool.reads == Self.corpus.digest)
    }
}
