internal import Basics
internal import Foundation

/// An agent request as the simulator sees it: how tools are offered, which ones, and what has
/// happened in the conversation so far.
struct AgentSession {
    /// How the model calls tools.
    enum ToolProtocol: Hashable {
        /// OpenAI function calling: the request's `tools`, answered with `tool_calls`.
        case native
        /// `<tool_call>{json}</tool_call>` in text; results come back in `<tool_response>`.
        case tags
    }

    /// One tool the agent may call.
    struct Tool: Hashable {
        enum Kind: Hashable { case search, browse, python, other }

        var name: String
        var kind: Kind
        var parameters: JSONValue?
    }

    var toolProtocol: ToolProtocol
    var tools: [Tool]
    /// Tool calls made in earlier turns, in order (names).
    var calledTools: [String]
    /// Tool results received so far.
    var toolResults: Int
    /// Whether the agent has been told to answer now: `tool_choice: none`, or a message after
    /// its last turn saying the budget is spent.
    var mustAnswer: Bool
    /// Whether the prompt asks for the final answer in `<answer>` tags.
    var wantsAnswerTags: Bool
    /// The text of the tool results, newest first, for ids to browse.
    var resultsText: String

    /// Tool calls made so far, counting results that came back without a visible call.
    var callsMade: Int { max(calledTools.count, toolResults) }

    /// The session of `request`; nil when it offers no tools.
    init?(_ request: ChatRequest) {
        let instructions = request.messages.prefix { $0.role != .assistant }
            .filter { $0.role == .system || $0.role == .user }
            .map { TextScanning.unescapeHTML($0.content ?? "") }
            .joined(separator: "\n")
        if let offered = request.tools, !offered.isEmpty {
            toolProtocol = .native
            tools = offered.map {
                Tool(
                    name: $0.function.name,
                    kind: Self.kind(name: $0.function.name, description: $0.function.description),
                    parameters: $0.function.parameters)
            }
        } else if instructions.contains("<tool_call>") {
            toolProtocol = .tags
            tools = Self.tagTools(in: instructions)
        } else {
            return nil
        }
        wantsAnswerTags = toolProtocol == .tags && instructions.contains("<answer>")
        var called: [String] = []
        var results = 0
        var texts: [String] = []
        let firstUser = request.messages.firstIndex { $0.role == .user }
        for (index, message) in request.messages.enumerated() {
            let content = TextScanning.unescapeHTML(message.content ?? "")
            switch message.role {
            case .assistant:
                called += message.toolCalls?.map(\.function.name) ?? []
                called += Self.taggedCalls(in: content).map(\.name)
            case .tool:
                results += 1
                texts.insert(content, at: 0)
            case .user where index != firstUser && content.contains("<tool_response>"):
                results += content.components(separatedBy: "<tool_response>").count - 1
                texts.insert(content, at: 0)
            default:
                break
            }
        }
        calledTools = called
        toolResults = results
        resultsText = texts.joined(separator: "\n")
        let lastTurn = request.messages.lastIndex { $0.role == .assistant } ?? -1
        let told = request.messages.suffix(from: lastTurn + 1).contains { message in
            message.role != .assistant && Self.saysBudgetSpent(message.content ?? "")
        }
        mustAnswer = told || request.toolChoice == ToolChoice.none
    }

    /// Tool calls written in the tag protocol: each `<tool_call>` block's JSON.
    static func taggedCalls(in text: String) -> [(name: String, arguments: JSONValue)] {
        var calls: [(name: String, arguments: JSONValue)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<tool_call>") {
            let body = rest[open.upperBound...]
            let close = body.range(of: "</tool_call>")
            let json = close.map { body[..<$0.lowerBound] } ?? body
            if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
                let name = value["name"]?.stringValue
            {
                calls.append((name, value["arguments"] ?? [:]))
            } else if let name = Self.nameField(in: json) {
                calls.append((name, [:]))
            }
            guard let close else { break }
            rest = body[close.upperBound...]
        }
        return calls
    }

    static func kind(name: String, description: String?) -> Tool.Kind {
        for text in [name.lowercased(), (description ?? "").lowercased()] {
            if text.contains("python") || text.contains("code") || text.contains("exec") {
                return .python
            }
            if text.contains("search") || text.contains("bm25") { return .search }
            if ["browse", "open", "visit", "read", "fetch"].contains(where: text.contains) {
                return .browse
            }
        }
        return .other
    }

    /// Whether `text` tells the agent its tool budget is spent.
    private static func saysBudgetSpent(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.contains("budget") || lower.contains("no more tool") else { return false }
        return [
            "spent", "exhausted", "used up", "no more", "must answer", "answer now", "now answer",
        ]
        .contains(where: lower.contains)
    }

    /// The tools a tag-protocol prompt declares in its `<tools>` block (one JSON signature per
    /// line, or one JSON array); the three built-in tools when it declares none.
    private static func tagTools(in text: String) -> [Tool] {
        var tools: [Tool] = []
        if let block = TextScanning.between("<tools>", "</tools>", in: text) {
            var values: [JSONValue] = []
            if let whole = try? JSONDecoder().decode(JSONValue.self, from: Data(block.utf8)) {
                if case .array(let elements) = whole { values = elements } else { values = [whole] }
            } else {
                values = block.split(separator: "\n").compactMap {
                    try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
                }
            }
            for value in values {
                let function = value["function"] ?? value
                guard let name = function["name"]?.stringValue else { continue }
                let description = function["description"]?.stringValue
                tools.append(
                    Tool(
                        name: name, kind: kind(name: name, description: description),
                        parameters: function["parameters"]))
            }
        }
        if tools.isEmpty {
            tools = [
                Tool(name: "corpus-search", kind: .search, parameters: nil),
                Tool(name: "corpus-browse", kind: .browse, parameters: nil),
                Tool(name: "python", kind: .python, parameters: nil),
            ]
        }
        return tools
    }

    private static func nameField(in json: Substring) -> String? {
        guard let key = json.range(of: "\"name\"") else { return nil }
        let rest = json[key.upperBound...].drop { $0 == " " || $0 == ":" }
        guard rest.first == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != "\"" })
    }
}
