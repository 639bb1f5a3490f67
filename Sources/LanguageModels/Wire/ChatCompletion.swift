/// A chat-completions response (`object: "chat.completion"`), as OpenAI and vLLM return it.
///
/// Unknown fields (`logprobs`, `stop_reason`, `service_tier`, token details, …) are ignored;
/// `object`, `created` and `usage` may be missing.
public struct ChatCompletion: Sendable, Hashable, Codable {
    /// One generated message and why generation stopped.
    public struct Choice: Sendable, Hashable, Codable {
        public var index: Int
        public var message: ChatMessage
        /// Nil when the server did not say.
        public var finishReason: FinishReason?

        public init(index: Int, message: ChatMessage, finishReason: FinishReason?) {
            self.index = index
            self.message = message
            self.finishReason = finishReason
        }

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            index = try container.decodeIfPresent(Int.self, forKey: .index) ?? 0
            message = try container.decode(ChatMessage.self, forKey: .message)
            finishReason = try container.decodeIfPresent(FinishReason.self, forKey: .finishReason)
        }
    }

    /// Why generation stopped: `stop`, `length`, `tool_calls`, `content_filter`, or any other
    /// string a server sends.
    public struct FinishReason: RawRepresentable, Sendable, Hashable, Codable,
        CustomStringConvertible
    {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let stop = FinishReason(rawValue: "stop")
        /// The token limit cut the answer short.
        public static let length = FinishReason(rawValue: "length")
        public static let toolCalls = FinishReason(rawValue: "tool_calls")
        public static let contentFilter = FinishReason(rawValue: "content_filter")

        public var description: String { rawValue }
    }

    /// Tokens the call consumed.
    public struct Usage: Sendable, Hashable, Codable {
        public var promptTokens: Int
        public var completionTokens: Int
        public var totalTokens: Int

        public init(promptTokens: Int, completionTokens: Int) {
            self.promptTokens = promptTokens
            self.completionTokens = completionTokens
            self.totalTokens = promptTokens + completionTokens
        }

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
            completionTokens =
                try container.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
            totalTokens =
                try container.decodeIfPresent(Int.self, forKey: .totalTokens)
                ?? promptTokens + completionTokens
        }
    }

    public var id: String
    /// Always `chat.completion`.
    public var object: String
    /// Unix seconds, as the server reported them.
    public var created: Int?
    public var model: String
    public var choices: [Choice]
    public var usage: Usage?
    public var systemFingerprint: String?

    public init(
        id: String, created: Int? = nil, model: String, choices: [Choice], usage: Usage?,
        systemFingerprint: String? = nil
    ) {
        self.id = id
        self.object = "chat.completion"
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
        self.systemFingerprint = systemFingerprint
    }

    /// The first choice's message, which is the answer when one completion was asked for.
    public var message: ChatMessage? { choices.first?.message }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage
        case systemFingerprint = "system_fingerprint"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        object = try container.decodeIfPresent(String.self, forKey: .object) ?? "chat.completion"
        created = try container.decodeIfPresent(Int.self, forKey: .created)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        choices = try container.decode([Choice].self, forKey: .choices)
        usage = try container.decodeIfPresent(Usage.self, forKey: .usage)
        systemFingerprint = try container.decodeIfPresent(
            String.self, forKey: .systemFingerprint)
    }
}
