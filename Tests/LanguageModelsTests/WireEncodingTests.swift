import Basics
import Foundation
import Testing

@testable import LanguageModels

@Suite("Wire encoding")
struct WireEncodingTests {
    private func json(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test(
        "a request is written with snake_case keys, omits unset fields, and never sends n or the sample index"
    )
    func requestShape() throws {
        let request = ChatRequest(
            model: "sim-expert",
            messages: [
                .system("You are terse."), .user("Question: x"),
                .assistant(
                    nil, toolCalls: [ToolCall(id: "call_1", name: "search", arguments: "{}")]),
                .tool("[]", callID: "call_1"),
            ],
            tools: [ToolDefinition(name: "search", parameters: ["type": "object"])],
            toolChoice: .function("search"), responseFormat: .jsonObject, seed: 3,
            stop: ["</answer>"], maxTokens: 128, temperature: 0.6, topP: 0.95, sampleIndex: 2)
        let expected: JSONValue = [
            "model": "sim-expert",
            "messages": [
                ["role": "system", "content": "You are terse."],
                ["role": "user", "content": "Question: x"],
                [
                    "role": "assistant",
                    "tool_calls": [
                        [
                            "id": "call_1", "type": "function",
                            "function": ["name": "search", "arguments": "{}"],
                        ]
                    ],
                ],
                ["role": "tool", "content": "[]", "tool_call_id": "call_1"],
            ],
            "tools": [
                [
                    "type": "function",
                    "function": ["name": "search", "parameters": ["type": "object"]],
                ]
            ],
            "tool_choice": ["type": "function", "function": ["name": "search"]],
            "response_format": ["type": "json_object"],
            "seed": 3, "stop": ["</answer>"], "max_tokens": 128, "temperature": 0.6, "top_p": 0.95,
        ]
        #expect(try json(request) == expected)
        #expect(try json(ChatRequest(model: "m", messages: [])) == ["model": "m", "messages": []])
    }

    @Test("requests, completions and embeddings survive a round trip through JSON")
    func roundTrips() throws {
        let request = ChatRequest(
            model: "m", messages: [.user("hi"), .assistant("yo", reasoning: "think")],
            tools: SimulatorHarness.tools, toolChoice: .required,
            responseFormat: ResponseFormat(
                type: "json_schema", jsonSchema: ["name": "seed", "schema": ["type": "object"]]),
            seed: 1, stop: ["a", "b"], maxTokens: 5, temperature: 0, topP: 1)
        let completion = ChatCompletion(
            id: "c", created: 5, model: "m",
            choices: [.init(index: 0, message: .assistant("Answer: 1"), finishReason: .length)],
            usage: .init(promptTokens: 3, completionTokens: 2), systemFingerprint: "fp")
        let embeddings = EmbeddingsResponse(
            data: [.init(index: 0, embedding: [0.25, 0.5])], model: "e",
            usage: .init(promptTokens: 2))
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        #expect(try decoder.decode(ChatRequest.self, from: encoder.encode(request)) == request)
        #expect(
            try decoder.decode(ChatCompletion.self, from: encoder.encode(completion)) == completion)
        #expect(
            try decoder.decode(EmbeddingsResponse.self, from: encoder.encode(embeddings))
                == embeddings)
        for choice in [ToolChoice.none, .auto, .required, .function("f")] {
            #expect(try decoder.decode(ToolChoice.self, from: encoder.encode(choice)) == choice)
        }
    }
}

@Suite("Wire forms built directly")
struct WireValueTests {
    private func json(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test("a completion built directly equals its Codable form, with and without optional parts")
    func completion() throws {
        let full = ChatCompletion(
            id: "c1", created: 7, model: "sim-peer",
            choices: [
                .init(
                    index: 0,
                    message: ChatMessage(
                        role: .assistant, content: "line\n\"q\" é 𝄞",
                        toolCalls: [ToolCall(id: "t", name: "search", arguments: "{\"q\":1}")],
                        reasoningContent: "why"),
                    finishReason: .toolCalls)
            ],
            usage: .init(promptTokens: 3, completionTokens: 4), systemFingerprint: "fp")
        let bare = ChatCompletion(
            id: "c2", model: "m",
            choices: [.init(index: 0, message: .assistant("x"), finishReason: nil)],
            usage: nil)
        for completion in [full, bare] {
            #expect(completion.wireValue == (try json(completion)))
        }
    }

    @Test("a request's wire form, as the client sends it, equals its Codable form")
    func request() throws {
        let request = ChatRequest(
            model: "m", messages: [.system("s"), .user("u \u{1}")],
            tools: [ToolDefinition(name: "search", parameters: ["type": "object"])],
            toolChoice: .auto, seed: 3, maxTokens: 9, temperature: 0, topP: 1, sampleIndex: 4)
        let sent = try JSONDecoder().decode(
            JSONValue.self, from: Data(try request.keyValue.canonicalBytes()))
        #expect(sent == (try json(request)))
    }
}
