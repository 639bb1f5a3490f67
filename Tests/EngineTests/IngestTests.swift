import Basics
import Engine
import Foundation
import Recipes
import TestSupport
import Testing
import Tools

@Suite("Ingesting the corpus")
struct IngestTests {
    /// Loads a recipe whose corpus section is `corpus` (YAML lines under `corpus:`), with
    /// `files` written beside it, and ingests it.
    static func ingest(
        corpus: [String], files: [String: String], raw: [String: [UInt8]] = [:],
        disciplines: String
    ) throws -> Ingest.Result {
        try TemporaryDirectory.with { directory in
            for (path, text) in files { try directory.write(text, to: path) }
            for (path, bytes) in raw {
                try Data(bytes).write(to: URL(fileURLWithPath: directory.file(path)))
            }
            let text = """
                frontier: 1
                endpoints: { sim: { simulated: {} } }
                models:
                  writer: { endpoint: sim, model: w }
                  peer:   { endpoint: sim, model: p }
                  expert: { endpoint: sim, model: e }
                corpus:
                \(corpus.map { "  - " + $0 }.joined(separator: "\n"))
                disciplines: \(disciplines)
                seed_questions: { model: writer }
                escalation: { model: writer }
                difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }
                outputs: { sft: { path: out/sft.jsonl } }
                """
            try directory.write(text, to: "recipe.yaml")
            let loaded = RecipeLoader(environment: [:]).load(directory.file("recipe.yaml"))
            let recipe = try #require(loaded.recipe, "\(loaded.diagnostics.map(\.message))")
            #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.message))")
            return Ingest.run(recipe.corpus)
        }
    }

    @Test("Markdown front matter gives the discipline, and the text is what follows it")
    func frontMatter() throws {
        let result = try Self.ingest(
            corpus: ["{ path: \"docs/*.md\", discipline: { frontmatter: field } }"],
            files: [
                "docs/a.md": "---\nfield: \"physics\"\ntitle: A\n---\n# A\n\nLight bends.\n",
                "docs/b.md": "---\nfield: biology\n---\nCells divide.\n",
            ], disciplines: "{ physics: 50%, biology: 50% }")
        #expect(result.diagnostics.isEmpty)
        #expect(
            result.documents == [
                CorpusDocument(
                    id: "docs/a.md", discipline: "physics", text: "# A\n\nLight bends.\n"),
                CorpusDocument(id: "docs/b.md", discipline: "biology", text: "Cells divide.\n"),
            ])
    }

    @Test("JSONL gives a document per line, with ids from the id field or the line number")
    func jsonl() throws {
        let lines = [
            #"{"abstract": "First.", "area": "physics", "doi": "10.1/x"}"#,
            "",
            #"{"abstract": "Second.", "area": "biology"}"#,
            #"not json"#,
            #"{"area": "physics"}"#,
            #"{"abstract": "No area."}"#,
        ]
        let result = try Self.ingest(
            corpus: ["{ path: notes.jsonl, discipline: { field: area }, text: abstract, id: doi }"],
            files: ["notes.jsonl": lines.joined(separator: "\n")],
            disciplines: "{ physics: 50%, biology: 50% }")
        #expect(result.documents.map(\.id) == ["notes.jsonl#10.1/x", "notes.jsonl#3"])
        #expect(result.documents.map(\.discipline) == ["physics", "biology"])
        #expect(
            result.diagnostics.map { "\($0.id) \($0.range!.start.line)" } == [
                "invalid-record 4", "invalid-record 5", "missing-discipline 6",
            ])
        #expect(
            result.diagnostics[1].message
                == "line 5 of 'notes.jsonl' has no string field 'abstract'")
    }

    @Test("a file matched twice is read once, with a warning")
    func duplicates() throws {
        let result = try Self.ingest(
            corpus: [
                "{ path: \"docs/*.txt\", discipline: physics }",
                "{ path: \"docs/a.txt\", discipline: physics }",
            ],
            files: ["docs/a.txt": "Plain text.\n"], disciplines: "{ physics: 100% }")
        #expect(result.documents.count == 1)
        #expect(result.diagnostics.map(\.id) == [.duplicateDocument])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test("a file that is not UTF-8 is reported and skipped")
    func unreadable() throws {
        let result = try Self.ingest(
            corpus: ["{ path: \"*.txt\", discipline: physics }"],
            files: ["good.txt": "fine\n"], raw: ["bad.txt": [0xff, 0xfe, 0x00]],
            disciplines: "{ physics: 100% }")
        #expect(result.documents.map(\.id) == ["good.txt"])
        #expect(result.diagnostics.map(\.id) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message == "cannot read 'bad.txt' as UTF-8 text")
    }

    @Test("the shipped quickstart corpus reads without problems and chunks within the limit")
    func quickstartCorpus() throws {
        let root = Fixtures.repositoryRoot(from: #filePath)
        let loaded = RecipeLoader(environment: [:]).load(root + "/recipes/quickstart.yaml")
        let recipe = try #require(loaded.recipe)
        let result = Ingest.run(recipe.corpus)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count >= 15)
        let chunker = Chunker(maxCharacters: recipe.compose.chunkChars)
        let chunks = chunker.chunks(of: result.documents)
        #expect(chunks.allSatisfy { $0.text.count <= recipe.compose.chunkChars })
        #expect(Set(chunks.map(\.id)).count == chunks.count)
        #expect(chunks.first?.id.hasSuffix("#1") == true)
    }
}
