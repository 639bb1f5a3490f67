public import Basics

extension ChatCompletion {
    /// The completion as its `Codable` form encodes it, built directly: the simulator's server
    /// writes its bodies from this, without the cost of `JSONEncoder`.
    public var wireValue: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "object": .string(object), "model": .string(model),
            "choices": .array(
                choices.map { choice in
                    var members: [String: JSONValue] = [
                        "index": .integer(choice.index), "message": choice.message.keyValue,
                    ]
                    if let reason = choice.finishReason {
                        members["finish_reason"] = .string(reason.rawValue)
                    }
                    return .object(members)
                }),
        ]
        if let created { object["created"] = .integer(created) }
        if let usage {
            object["usage"] = [
                "prompt_tokens": .integer(usage.promptTokens),
                "completion_tokens": .integer(usage.completionTokens),
                "total_tokens": .integer(usage.totalTokens),
            ]
        }
        if let systemFingerprint { object["system_fingerprint"] = .string(systemFingerprint) }
        return .object(object)
    }
}
