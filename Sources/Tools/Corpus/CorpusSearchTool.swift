public import Basics
internal import Foundation

/// `corpus-search`: BM25 keyword search over the corpus, answering with the ids, disciplines
/// and snippets of the best-matching chunks.
public struct CorpusSearchTool: Tool {
    /// The settings of a search tool.
    public struct Configuration: Sendable, Hashable {
        /// Results per search (the recipe's `top_k`).
        public var topK: Int

        /// Settings with the recipe's defaults unless given.
        public init(topK: Int = 5) {
            self.topK = topK
        }
    }

    /// The name the model calls the tool by.
    public let name: String
    /// The tool's settings.
    public let settings: Configuration
    private let index: CorpusIndex

    /// A search tool called `name` over `index`.
    public init(
        name: String = "corpus-search", index: CorpusIndex, configuration: Configuration = .init()
    ) {
        self.name = name
        self.index = index
        settings = configuration
    }

    /// Version 1: the first result format. Bump on any change to what a call returns.
    public var version: Int { 1 }

    public var reads: Digest? { index.digest }

    public var configuration: JSONValue {
        ["kind": "corpus-search", "top_k": .integer(settings.topK)]
    }

    public var definition: JSONValue {
        [
            "name": .string(name),
            "description": .string(
                "Search the corpus by keywords (BM25 ranking) and get the \(settings.topK) "
                    + "best-matching passages: for each, its id, discipline, document and a "
                    + "snippet with the matched words in **bold**. Open a passage or its "
                    + "document by that id to read more."),
            "parameters": [
                "type": "object",
                "properties": [
                    "query": [
                        "type": "string",
                        "description": "Keywords to look for, e.g. 'photon energy frequency'.",
                    ]
                ],
                "required": ["query"],
            ],
        ]
    }

    public func run(_ arguments: JSONValue) async throws -> ToolResult {
        let query: String
        do {
            query = try ToolArguments(arguments).string("query")
        } catch {
            return error.result
        }
        if SearchQuery(query).isEmpty {
            return .error("the query has no words to look for; send a few keywords")
        }
        let hits = try await index.search(query, topK: settings.topK)
        return ToolResult(text: Self.render(hits))
    }

    /// Hits as numbered entries: `id: …` first on each, so the id is easy to pick out.
    static func render(_ hits: [SearchHit]) -> String {
        guard !hits.isEmpty else { return "No passages match these keywords." }
        var lines = ["\(hits.count) passage\(hits.count == 1 ? "" : "s") found, best first:"]
        for (number, hit) in hits.enumerated() {
            let snippet = hit.snippet.split(whereSeparator: \.isNewline).joined(separator: " ")
            lines.append("")
            lines.append("\(number + 1). id: \(hit.id)")
            lines.append(
                "   discipline: \(hit.discipline) | document: \(hit.document) | score: "
                    + String(format: "%.2f", hit.score))
            lines.append("   \(snippet)")
        }
        return lines.joined(separator: "\n")
    }
}
