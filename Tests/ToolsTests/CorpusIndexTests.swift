import Basics
import Foundation
import TestSupport
import Testing
import Tools

@Suite("corpus index")
struct CorpusIndexTests {
    @Test("the chunk that matches the query best ranks first")
    func bestMatchFirst() async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            let hits = try await index.search("lens focal length", topK: 5)
            #expect(hits.first?.id == "physics/optics.md#1")
            #expect(hits.first?.document == "physics/optics.md")
            #expect(hits.first?.discipline == "physics")
            #expect(hits.first?.snippet.contains("**focal**") == true)
            // Scores fall down the list, and every hit mentions a word of the query.
            #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
            #expect(hits.map(\.id).contains("biology/photosynthesis.md#1"))
            #expect(!hits.map(\.id).contains("physics/thermodynamics.md#0"))
        }
    }

    @Test("another query ranks another document first")
    func otherQuery() async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            let hits = try await index.search("heat engine entropy", topK: 5)
            #expect(hits.first?.document == "physics/thermodynamics.md")
        }
    }

    @Test("topK caps the number of hits")
    func topK() async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            #expect(try await index.search("light lens heat", topK: 2).count == 2)
            #expect(try await index.search("light lens heat", topK: 0).isEmpty)
        }
    }

    static let hostileQueries = [
        "", "   ", "\"", "\"lens", "lens\"", "AND", "lens AND", "OR lens", "NOT", "lens NOT heat",
        "*", "lens*", "^lens", "((", "(lens", "lens)", "NEAR(lens focal)", "NEAR(lens, 2)",
        "text: lens", "{id text}: lens", "-lens", "+", "lens:", "'; DROP TABLE chunks; --",
        "\u{0}", "ünïcödé lens", "🔭 lens", String(repeating: "lens ", count: 500),
    ]

    @Test("queries with FTS5 syntax never throw", arguments: hostileQueries)
    func hostile(query: String) async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            let hits = try await index.search(query, topK: 5)
            if query.localizedCaseInsensitiveContains("lens") {
                #expect(!hits.isEmpty)
            }
        }
    }

    @Test("a query without words finds nothing", arguments: ["", "  \n", "*()\"'", "---"])
    func empty(query: String) async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            #expect(try await index.search(query, topK: 5).isEmpty)
        }
    }

    @Test("the index is built once per corpus and reused for the same digest")
    func reuse() async throws {
        try await TemporaryDirectory.with { directory in
            let first = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            let second = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            #expect(first.origin == .built)
            #expect(second.origin == .reused)
            #expect(first.path == second.path)
            #expect(first.path.hasSuffix("/" + SampleCorpus.corpus.digest.hex + ".sqlite"))
            #expect(
                try await second.search("entropy", topK: 1).first?.document
                    == "physics/thermodynamics.md")
        }
    }

    @Test("a different corpus gets an index of its own")
    func rebuildForOtherDigest() async throws {
        try await TemporaryDirectory.with { directory in
            let first = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            let smaller = Corpus(
                documents: [SampleCorpus.thermodynamics],
                chunks: SampleCorpus.chunks.filter { $0.document == "physics/thermodynamics.md" })
            let second = try await CorpusIndex(corpus: smaller, directory: directory.path)
            #expect(second.origin == .built)
            #expect(second.path != first.path)
            #expect(try await second.search("lens", topK: 5).isEmpty)
            #expect(try await first.search("lens", topK: 5).isEmpty == false)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files.sorted() == [first.path, second.path].map(lastComponent).sorted())
        }
    }

    @Test("a damaged index file is rebuilt, not trusted")
    func damagedFileRebuilt() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.file(SampleCorpus.corpus.digest.hex + ".sqlite")
            try directory.write("not a database", to: lastComponent(path))
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.path)
            #expect(index.origin == .built)
            #expect(try await index.search("entropy", topK: 1).count == 1)
        }
    }

    @Test("building leaves only the finished index in the directory")
    func noTemporaryFilesLeft() async throws {
        try await TemporaryDirectory.with { directory in
            let index = try await CorpusIndex(
                corpus: SampleCorpus.corpus, directory: directory.file("indexes"))
            let files = try FileManager.default.contentsOfDirectory(
                atPath: directory.file("indexes"))
            #expect(files == [lastComponent(index.path)])
        }
    }
}

/// The last component of `path`.
private func lastComponent(_ path: String) -> String {
    URL(fileURLWithPath: path).lastPathComponent
}
