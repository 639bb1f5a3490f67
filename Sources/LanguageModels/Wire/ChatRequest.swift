public import Basics

/// A `POST /v1/chat/completions` request, as sent to OpenAI-compatible servers.
///
/// Only one completion is asked for (`n` is never sent). Unset optional fields are omitted, so
/// the server's defaults apply. `sampleIndex` is not part of the wire form: see its note.
public struct ChatRequest: Sendable, Hashable, Codable {
    public var model: String
    public var messages: [ChatMessage]
    /// Function tools offered to the model; nil offers none.
    public var tools: [ToolDefinition]?
    public var toolChoice: ToolChoice?
    public var responseFormat: ResponseFormat?
    public var seed: Int?
    /// Stop sequences; read from a string or an array, written as an array.
    public var stop: [String]?
    public var maxTokens: Int?
    public var temperature: Double?
    public var topP: Double?
    /// Which sample of otherwise identical requests this is (the attempt, round or sample of
    /// ARCHITECTURE.md's call key), so that pass@k attempts differ yet replay exactly.
    ///
    /// Never encoded: OpenAI rejects unknown request fields. It is part of the call key and the
    /// simulator draws from it; a real server only varies with `seed` (or sampling noise).
    public var sampleIndex: Int?

    public init(
        model: String, messages: [ChatMessage], tools: [ToolDefinition]? = nil,
        toolChoice: ToolChoice? = nil, responseFormat: ResponseFormat? = nil, seed: Int? = nil,
        stop: [String]? = nil, maxTokens: Int? = nil, temperature: Double? = nil,
        topP: Double? = nil, sampleIndex: Int? = nil
    ) {
        self.model = model
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.responseFormat = responseFormat
        self.seed = seed
        self.stop = stop
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.sampleIndex = sampleIndex
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, tools, seed, stop, temperature
        case toolChoice = "tool_choice"
        case responseFormat = "response_format"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case topP = "top_p"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        messages = try container.decode([ChatMessage].self, forKey: .messages)
        tools = try container.decodeIfPresent([ToolDefinition].self, forKey: .tools)
        toolChoice = try container.decodeIfPresent(ToolChoice.self, forKey: .toolChoice)
        responseFormat = try container.decodeIfPresent(
            ResponseFormat.self, forKey: .responseFormat)
        seed = try container.decodeIfPresent(Int.self, forKey: .seed)
        if let one = try? container.decodeIfPresent(String.self, forKey: .stop) {
            stop = [one]
        } else {
            stop = try container.decodeIfPresent([String].self, forKey: .stop)
        }
        maxTokens =
            try container.decodeIfPresent(Int.self, forKey: .maxTokens)
            ?? container.decodeIfPresent(Int.self, forKey: .maxCompletionTokens)
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature)
        topP = try container.decodeIfPresent(Double.self, forKey: .topP)
        sampleIndex = nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encodeIfPresent(tools, forKey: .tools)
        try container.encodeIfPresent(toolChoice, forKey: .toolChoice)
        try container.encodeIfPresent(responseFormat, forKey: .responseFormat)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(stop, forKey: .stop)
        try container.encodeIfPresent(maxTokens, forKey: .maxTokens)
        try container.encodeIfPresent(temperature, forKey: .temperature)
        try container.encodeIfPresent(topP, forKey: .topP)
    }
}

/// The `response_format` of a request: `text`, `json_object`, or `json_schema` with its schema
/// object (`{"name": …, "schema": …, "strict": …}`) kept as JSON.
public struct ResponseFormat: Sendable, Hashable, Codable {
    public var type: String
    public var jsonSchema: JSONValue?

    public init(type: String, jsonSchema: JSONValue? = nil) {
        self.type = type
        self.jsonSchema = jsonSchema
    }

    /// Any JSON object.
    public static let jsonObject = ResponseFormat(type: "json_object")
    /// Plain text.
    public static let text = ResponseFormat(type: "text")

    enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }
}
