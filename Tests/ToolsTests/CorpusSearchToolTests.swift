import Basics
import TestSupport
import Testing
import Tools

@Suite("corpus-search tool")
struct CorpusSearchToolTests {
    /// Runs `body` with a search tool over the sample corpus.
    private func withTool(
        topK: Int = 5, _ body: (CorpusSearchTool) async throws -> Void
    ) async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            try await body(
                CorpusSearchTool(name: "search", index: index, configuration: .init(topK: topK)))
        }
    }

    @Test("results list chunk ids, disciplines, documents and snippets, best first")
    func rendering() async throws {
        try await withTool { tool in
            let result = try await tool.run(["query": "converging lens focal length"])
            #expect(!result.isError)
            let lines = result.text.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasSuffix("found, best first:") == true)
            #expect(lines.contains("1. id: physics/optics.md#1"))
            #expect(result.text.contains("discipline: physics | document: physics/optics.md"))
            #expect(result.text.contains("**focal**"))
        }
    }

    @Test("topK from the configuration caps the results")
    func topK() async throws {
        try await withTool(topK: 1) { tool in
            let result = try await tool.run(["query": "light lens heat"])
            #expect(result.text.contains("1. id: "))
            #expect(!result.text.contains("2. id: "))
            #expect(tool.configuration == ["kind": "corpus-search", "top_k": 1])
        }
    }

    @Test("a query nothing matches is an answer, not an error")
    func noMatch() async throws {
        try await withTool { tool in
            let result = try await tool.run(["query": "quasar"])
            #expect(!result.isError)
            #expect(result.text == "No passages match these keywords.")
        }
    }

    @Test(
        "bad arguments are error results",
        arguments: [
            [:], ["query": 3.5], ["q": "lens"], ["query": "?!*"], .string("lens"),
        ] as [JSONValue])
    func badArguments(arguments: JSONValue) async throws {
        try await withTool { tool in
            let result = try await tool.run(arguments)
            #expect(result.isError)
        }
    }

    @Test("the definition asks for a query and the tool reads the corpus digest")
    func definition() async throws {
        try await withTool { tool in
            #expect(tool.definition["name"] == "search")
            #expect(tool.definition["parameters"]?["required"] == ["query"])
            #expect(tool.definition["parameters"]?["properties"]?["query"]?["type"] == "string")
            #expect(tool.reads == SampleCorpus.corpus.digest)
        }
    }
}
