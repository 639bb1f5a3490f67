internal import Basics
internal import Foundation

/// Decoding the commonest wire shapes straight from a parsed ``JSONValue``, without
/// `JSONDecoder`: chat completions (every call), and plain chat requests (serve-sim). Each
/// returns nil for anything it does not handle exactly as the `Codable` form would, and the
/// caller falls back to `JSONDecoder`, so results never differ.
extension WireCoding {
    static func completion(from bytes: [UInt8]) throws -> ChatCompletion {
        if let value = JSONValue.parse(bytes), let completion = ChatCompletion(fast: value) {
            return completion
        }
        return try decoder.decode(ChatCompletion.self, from: Data(bytes))
    }

    static func request(from bytes: Data) throws -> ChatRequest {
        if let value = JSONValue.parse(bytes), let request = ChatRequest(fast: value) {
            return request
        }
        return try decoder.decode(ChatRequest.self, from: bytes)
    }
}

/// A field read the way `decodeIfPresent` reads it: absent or null is `.some(nil)`; a value of
/// another type is nil (not handled here).
private func optional<T>(_ value: JSONValue?, _ read: (JSONValue) -> T?) -> T?? {
    guard let value, value != .null else { return .some(nil) }
    guard let read = read(value) else { return nil }
    return .some(read)
}

private func string(_ value: JSONValue) -> String? { value.stringValue }

private func integer(_ value: JSONValue) -> Int? {
    if case .integer(let number) = value { return number }
    return nil
}

private func double(_ value: JSONValue) -> Double? {
    switch value {
    case .integer(let number): Double(number)
    case .number(let number): number
    default: nil
    }
}

extension ChatMessage {
    fileprivate init?(fast value: JSONValue) {
        guard case .object(let members) = value, let role = members["role"]?.stringValue,
            let content = optional(members["content"], string),
            let name = optional(members["name"], string),
            let toolCallID = optional(members["tool_call_id"], string),
            let reasoning = optional(members["reasoning_content"], string),
            let alternative = optional(members["reasoning"], string)
        else { return nil }
        var calls: [ToolCall]?
        switch members["tool_calls"] {
        case nil, .null?:
            calls = nil
        case .array(let elements)?:
            var decoded: [ToolCall] = []
            for element in elements {
                guard case .object(let call) = element, let id = call["id"]?.stringValue,
                    call["type"]?.stringValue == "function",
                    let function = call["function"], let name = function["name"]?.stringValue,
                    let arguments = function["arguments"]?.stringValue
                else { return nil }
                decoded.append(ToolCall(id: id, name: name, arguments: arguments))
            }
            calls = decoded
        default:
            return nil
        }
        self.init(
            role: Role(rawValue: role), content: content, name: name, toolCalls: calls,
            toolCallID: toolCallID, reasoningContent: reasoning ?? alternative)
    }
}

extension ChatCompletion {
    fileprivate init?(fast value: JSONValue) {
        guard case .object(let members) = value,
            let id = optional(members["id"], string),
            let object = optional(members["object"], string),
            let created = optional(members["created"], integer),
            let model = optional(members["model"], string),
            let fingerprint = optional(members["system_fingerprint"], string),
            case .array(let elements)? = members["choices"]
        else { return nil }
        var choices: [Choice] = []
        for element in elements {
            guard case .object(let choice) = element,
                let index = optional(choice["index"], integer),
                let message = choice["message"].flatMap(ChatMessage.init(fast:)),
                let reason = optional(choice["finish_reason"], string)
            else { return nil }
            choices.append(
                Choice(
                    index: index ?? 0, message: message, finishReason: reason.map(FinishReason.init)
                ))
        }
        var usage: Usage?
        switch members["usage"] {
        case nil, .null?:
            usage = nil
        case .object(let counts)?:
            guard let prompt = optional(counts["prompt_tokens"], integer),
                let completion = optional(counts["completion_tokens"], integer),
                let total = optional(counts["total_tokens"], integer)
            else { return nil }
            var decoded = Usage(promptTokens: prompt ?? 0, completionTokens: completion ?? 0)
            decoded.totalTokens = total ?? decoded.promptTokens + decoded.completionTokens
            usage = decoded
        default:
            return nil
        }
        self.init(
            id: id ?? "", created: created, model: model ?? "", choices: choices, usage: usage,
            systemFingerprint: fingerprint)
        self.object = object ?? "chat.completion"
    }
}

extension ChatRequest {
    /// Plain requests only: tools, tool choice and response formats go to `JSONDecoder`.
    fileprivate init?(fast value: JSONValue) {
        guard case .object(let members) = value, let model = members["model"]?.stringValue,
            case .array(let elements)? = members["messages"],
            members["tools"] == nil, members["tool_choice"] == nil,
            members["response_format"] == nil,
            let seed = optional(members["seed"], integer),
            let maxTokens = optional(members["max_tokens"], integer),
            let maxCompletionTokens = optional(members["max_completion_tokens"], integer),
            let temperature = optional(members["temperature"], double),
            let topP = optional(members["top_p"], double)
        else { return nil }
        var messages: [ChatMessage] = []
        for element in elements {
            guard let message = ChatMessage(fast: element) else { return nil }
            messages.append(message)
        }
        var stop: [String]?
        switch members["stop"] {
        case nil, .null?: stop = nil
        case .string(let one)?: stop = [one]
        case .array(let many)?:
            let strings = many.compactMap(\.stringValue)
            guard strings.count == many.count else { return nil }
            stop = strings
        default: return nil
        }
        self.init(
            model: model, messages: messages, seed: seed, stop: stop,
            maxTokens: maxTokens ?? maxCompletionTokens, temperature: temperature, topP: topP)
    }
}
