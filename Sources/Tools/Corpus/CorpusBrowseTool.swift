public import Basics

/// `corpus-browse`: opens a document or a chunk of the corpus by id and answers with a window
/// of its text, saying which characters are shown and how to ask for the next window.
public struct CorpusBrowseTool: Tool {
    /// The settings of a browse tool.
    public struct Configuration: Sendable, Hashable {
        /// Characters per window (the recipe's `max_chars`).
        public var maxChars: Int

        /// Settings with the recipe's defaults unless given.
        public init(maxChars: Int = 4000) {
            self.maxChars = maxChars
        }
    }

    /// How many close ids an unknown id's message lists.
    static let suggestionCount = 5

    /// The name the model calls the tool by.
    public let name: String
    /// The tool's settings.
    public let settings: Configuration
    private let corpus: Corpus

    /// A browse tool called `name` over `corpus`.
    public init(
        name: String = "corpus-browse", corpus: Corpus, configuration: Configuration = .init()
    ) {
        self.name = name
        self.corpus = corpus
        settings = configuration
    }

    /// Version 1: the first result format. Bump on any change to what a call returns.
    public var version: Int { 1 }

    public var reads: Digest? { corpus.digest }

    public var configuration: JSONValue {
        ["kind": "corpus-browse", "max_chars": .integer(settings.maxChars)]
    }

    public var definition: JSONValue {
        [
            "name": .string(name),
            "description": .string(
                "Open a document or a passage of the corpus by its id (a document id like "
                    + "'physics/optics.md', or a passage id like 'physics/optics.md#2') and "
                    + "read up to \(settings.maxChars) characters of it, starting at 'offset'."),
            "parameters": [
                "type": "object",
                "properties": [
                    "id": [
                        "type": "string",
                        "description": "The id of the document or passage to open.",
                    ],
                    "offset": [
                        "type": "integer",
                        "description": "The character to start at; 0, the start, by default.",
                        "minimum": 0,
                    ],
                ],
                "required": ["id"],
            ],
        ]
    }

    public func run(_ arguments: JSONValue) async throws -> ToolResult {
        let id: String
        let offset: Int
        do {
            let reader = try ToolArguments(arguments)
            id = try reader.string("id")
            offset = try reader.count("offset") ?? 0
        } catch {
            return error.result
        }
        let label: String
        let text: String
        if let document = corpus.document(id) {
            (label, text) = ("document \(id) (\(document.discipline))", document.text)
        } else if let chunk = corpus.chunk(id) {
            (label, text) = (
                "passage \(id) (\(chunk.discipline), of document \(chunk.document))", chunk.text
            )
        } else {
            return .error(unknown(id))
        }
        return window(of: text, label: label, id: id, offset: offset)
    }

    /// At most `maxChars` characters of `text` from `offset`, after a line saying which.
    private func window(of text: String, label: String, id: String, offset: Int) -> ToolResult {
        let total = text.count
        guard offset < total || (offset == 0 && total == 0) else {
            return .error(
                "offset \(offset) is past the end of \(label), which has \(total) characters")
        }
        let start = text.index(text.startIndex, offsetBy: offset)
        let end =
            text.index(start, offsetBy: settings.maxChars, limitedBy: text.endIndex)
            ?? text.endIndex
        let shown = text[start..<end]
        let upper = offset + shown.count
        var header = "\(label): characters \(offset)–\(upper) of \(total)"
        if upper < total {
            header +=
                "; for the next window, call \(name) with {\"id\": \"\(id)\", \"offset\": \(upper)}"
        } else {
            header += " (the end)"
        }
        return ToolResult(text: header + "\n\n" + shown, truncated: upper < total)
    }

    /// The message for an id that names nothing, with the closest ids there are.
    private func unknown(_ id: String) -> String {
        let wanted = id.lowercased()
        let candidates = corpus.documents.map(\.id) + corpus.chunks.map(\.id)
        let ranked = candidates.map { candidate -> (id: String, contains: Bool, distance: Int) in
            let lower = candidate.lowercased()
            let contains = !wanted.isEmpty && (lower.contains(wanted) || wanted.contains(lower))
            return (candidate, contains, editDistance(wanted, lower))
        }
        .sorted {
            ($0.contains ? 0 : 1, $0.distance, $0.id) < ($1.contains ? 0 : 1, $1.distance, $1.id)
        }
        .prefix(Self.suggestionCount)
        .map(\.id)
        var message = "no document or passage has the id '\(id)'"
        if !ranked.isEmpty {
            message += "; close ids: " + ranked.joined(separator: ", ")
        }
        return message
    }
}
