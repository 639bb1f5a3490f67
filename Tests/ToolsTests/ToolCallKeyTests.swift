import Basics
import TestSupport
import Testing
import Tools

@Suite("tool-call keys")
struct ToolCallKeyTests {
    static let corpusA = Digest(of: "corpus a")
    static let corpusB = Digest(of: "corpus b")

    static func key(
        tool: String = "search", version: Int = 1,
        configuration: JSONValue = ["kind": "corpus-search", "top_k": 5],
        arguments: JSONValue = ["query": "lens"], reads: Digest? = corpusA
    ) throws -> ToolCallKey {
        try ToolCallKey(
            tool: tool, version: version, configuration: configuration, arguments: arguments,
            reads: reads)
    }

    @Test("the same call has the same key")
    func stable() throws {
        #expect(try Self.key() == Self.key())
        #expect(try Self.key().digest == Digest(of: Self.key().json))
    }

    @Test(
        "each component changes the key",
        arguments: [
            "tool", "version", "configuration", "arguments", "reads", "reads nothing",
        ])
    func everyComponentCounts(component: String) throws {
        let changed: ToolCallKey
        switch component {
        case "tool": changed = try Self.key(tool: "search2")
        case "version": changed = try Self.key(version: 2)
        case "configuration":
            changed = try Self.key(configuration: ["kind": "corpus-search", "top_k": 6])
        case "arguments": changed = try Self.key(arguments: ["query": "lenses"])
        case "reads": changed = try Self.key(reads: Self.corpusB)
        default: changed = try Self.key(reads: nil)
        }
        #expect(changed.digest != (try Self.key()).digest)
        #expect(changed.json != (try Self.key()).json)
    }

    @Test("the order of argument members does not change the key")
    func canonicalArguments() throws {
        let one = try Self.key(arguments: .object(["id": "a", "offset": 10]))
        let other = try Self.key(arguments: ["offset": 10, "id": "a"])
        #expect(one == other)
    }

    @Test("the key's JSON names every component")
    func readableJSON() throws {
        #expect(
            try Self.key().json == """
                {"arguments":{"query":"lens"},"call":"tool","configuration":{"kind":"corpus-search",\
                "top_k":5},"key_version":1,"reads":"\(Self.corpusA.hex)","tool":"search",\
                "tool_version":1}
                """)
    }

    @Test("a search tool's key follows its corpus")
    func searchKeyFollowsCorpus() async throws {
        try await TemporaryDirectory.with { directory in
            let other = Corpus(
                documents: [SampleCorpus.optics],
                chunks: SampleCorpus.chunks.filter { $0.document == "physics/optics.md" })
            let first = CorpusSearchTool(
                index: try await CorpusIndex(corpus: SampleCorpus.corpus, directory: directory.path)
            )
            let second = CorpusSearchTool(
                index: try await CorpusIndex(corpus: other, directory: directory.path))
            let arguments: JSONValue = ["query": "lens"]
            #expect(try first.key(for: arguments) != second.key(for: arguments))
            #expect(try first.key(for: arguments).json.contains(SampleCorpus.corpus.digest.hex))
        }
    }
}
