/// One message of a chat, as the OpenAI chat-completions API writes it.
///
/// Decoding is lenient where servers differ: `content` may be null, a string, or an array of
/// text parts (joined by newlines); an empty `tool_calls` array reads as none; reasoning is read
/// from `reasoning_content` or, as newer vLLM writes it, `reasoning`. Unknown fields are ignored.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who wrote a message. Any string a server sends is kept (`developer`, for instance).
    public struct Role: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let system = Role(rawValue: "system")
        public static let user = Role(rawValue: "user")
        public static let assistant = Role(rawValue: "assistant")
        public static let tool = Role(rawValue: "tool")

        public var description: String { rawValue }
    }

    public var role: Role
    /// The text; nil when an assistant message only calls tools.
    public var content: String?
    /// An optional participant name.
    public var name: String?
    /// Tool calls of an assistant message; nil when there are none.
    public var toolCalls: [ToolCall]?
    /// For a `tool` message: the id of the call it answers.
    public var toolCallID: String?
    /// The model's separate reasoning text, when the server returns one.
    public var reasoningContent: String?

    public init(
        role: Role, content: String?, name: String? = nil, toolCalls: [ToolCall]? = nil,
        toolCallID: String? = nil, reasoningContent: String? = nil
    ) {
        self.role = role
        self.content = content
        self.name = name
        self.toolCalls = toolCalls?.isEmpty == true ? nil : toolCalls
        self.toolCallID = toolCallID
        self.reasoningContent = reasoningContent
    }

    /// A system message.
    public static func system(_ content: String) -> ChatMessage {
        ChatMessage(role: .system, content: content)
    }

    /// A user message.
    public static func user(_ content: String) -> ChatMessage {
        ChatMessage(role: .user, content: content)
    }

    /// An assistant message, optionally with tool calls and reasoning.
    public static func assistant(
        _ content: String?, toolCalls: [ToolCall]? = nil, reasoning: String? = nil
    ) -> ChatMessage {
        ChatMessage(
            role: .assistant, content: content, toolCalls: toolCalls, reasoningContent: reasoning)
    }

    /// The result of tool call `callID`.
    public static func tool(_ content: String, callID: String) -> ChatMessage {
        ChatMessage(role: .tool, content: content, toolCallID: callID)
    }

    enum CodingKeys: String, CodingKey {
        case role, content, name
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
        case reasoningContent = "reasoning_content"
        case reasoning
    }

    private struct ContentPart: Decodable {
        var type: String?
        var text: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(Role.self, forKey: .role)
        if (try? container.decodeNil(forKey: .content)) ?? true {
            content = nil
        } else if let text = try? container.decode(String.self, forKey: .content) {
            content = text
        } else {
            let parts = try container.decode([ContentPart].self, forKey: .content)
            content = parts.compactMap { $0.type == nil || $0.type == "text" ? $0.text : nil }
                .joined(separator: "\n")
        }
        name = try container.decodeIfPresent(String.self, forKey: .name)
        let calls = try container.decodeIfPresent([ToolCall].self, forKey: .toolCalls)
        toolCalls = calls?.isEmpty == true ? nil : calls
        toolCallID = try container.decodeIfPresent(String.self, forKey: .toolCallID)
        reasoningContent =
            try container.decodeIfPresent(String.self, forKey: .reasoningContent)
            ?? container.decodeIfPresent(String.self, forKey: .reasoning)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(content, forKey: .content)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try container.encodeIfPresent(toolCallID, forKey: .toolCallID)
        try container.encodeIfPresent(reasoningContent, forKey: .reasoningContent)
    }
}
