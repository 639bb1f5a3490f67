internal import Basics

/// The wire form of a request as a `JSONValue`, built directly rather than through `Codable`:
/// call keys are computed for every call, cached or not, and this is several times faster.
///
/// It must equal `JSONValueEncoder().encode(request)`; a test holds the two together.
extension ChatRequest {
    var keyValue: JSONValue {
        var object: [String: JSONValue] = [
            "model": .string(model), "messages": .array(messages.map(\.keyValue)),
        ]
        if let tools { object["tools"] = .array(tools.map(\.keyValue)) }
        if let toolChoice { object["tool_choice"] = toolChoice.keyValue }
        if let responseFormat {
            var format: [String: JSONValue] = ["type": .string(responseFormat.type)]
            if let schema = responseFormat.jsonSchema { format["json_schema"] = schema }
            object["response_format"] = .object(format)
        }
        if let seed { object["seed"] = .integer(seed) }
        if let stop { object["stop"] = .array(stop.map(JSONValue.string)) }
        if let maxTokens { object["max_tokens"] = .integer(maxTokens) }
        if let temperature { object["temperature"] = .number(temperature) }
        if let topP { object["top_p"] = .number(topP) }
        return .object(object)
    }
}

extension ChatMessage {
    var keyValue: JSONValue {
        var object: [String: JSONValue] = ["role": .string(role.rawValue)]
        if let content { object["content"] = .string(content) }
        if let name { object["name"] = .string(name) }
        if let toolCalls {
            object["tool_calls"] = .array(
                toolCalls.map { call in
                    .object([
                        "id": .string(call.id), "type": .string(call.type),
                        "function": .object([
                            "name": .string(call.function.name),
                            "arguments": .string(call.function.arguments),
                        ]),
                    ])
                })
        }
        if let toolCallID { object["tool_call_id"] = .string(toolCallID) }
        if let reasoningContent { object["reasoning_content"] = .string(reasoningContent) }
        return .object(object)
    }
}

extension ToolDefinition {
    var keyValue: JSONValue {
        var function: [String: JSONValue] = ["name": .string(self.function.name)]
        if let description = self.function.description {
            function["description"] = .string(description)
        }
        if let parameters = self.function.parameters { function["parameters"] = parameters }
        return .object(["type": .string(type), "function": .object(function)])
    }
}

extension ToolChoice {
    var keyValue: JSONValue {
        switch self {
        case .none: .string("none")
        case .auto: .string("auto")
        case .required: .string("required")
        case .function(let name):
            .object(["type": .string("function"), "function": .object(["name": .string(name)])])
        }
    }
}
