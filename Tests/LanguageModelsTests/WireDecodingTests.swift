import Basics
import Foundation
import LanguageModels
import Testing

@Suite("Wire decoding")
struct WireDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test("a vLLM completion with native tool calls and null content decodes")
    func vllmToolCalls() throws {
        let json = """
            {"id":"chatcmpl-8c1d","object":"chat.completion","created":1733000000,
             "model":"Qwen/Qwen3-235B-A22B","choices":[{"index":0,"message":{"role":"assistant",
             "content":null,"reasoning_content":"I should search first.","tool_calls":[
             {"id":"chatcmpl-tool-a1","type":"function","function":{"name":"search",
             "arguments":"{\\"query\\": \\"mean free path nitrogen\\"}"}}]},"logprobs":null,
             "finish_reason":"tool_calls","stop_reason":null}],
             "usage":{"prompt_tokens":412,"total_tokens":463,"completion_tokens":51,
             "prompt_tokens_details":null},"prompt_logprobs":null,"kv_transfer_params":null}
            """
        let completion = try decode(ChatCompletion.self, json)
        #expect(completion.id == "chatcmpl-8c1d")
        #expect(completion.created == 1_733_000_000)
        #expect(completion.choices.first?.finishReason == .toolCalls)
        let message = try #require(completion.message)
        #expect(message.role == .assistant)
        #expect(message.content == nil)
        #expect(message.reasoningContent == "I should search first.")
        let call = try #require(message.toolCalls?.first)
        #expect(call.id == "chatcmpl-tool-a1" && call.type == "function")
        #expect(call.function.name == "search")
        #expect(call.function.arguments == "{\"query\": \"mean free path nitrogen\"}")
        #expect(completion.usage == ChatCompletion.Usage(promptTokens: 412, completionTokens: 51))
    }

    @Test("an OpenAI completion with extra fields decodes and ignores what it does not know")
    func openAIUnknownFields() throws {
        let json = """
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion",
             "created":1741569952,"model":"gpt-4.1-2025-04-14","choices":[{"index":0,
             "message":{"role":"assistant","content":"Answer: 68 nm","refusal":null,
             "annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
             "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
             "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
             "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_1234"}
            """
        let completion = try decode(ChatCompletion.self, json)
        #expect(completion.message?.content == "Answer: 68 nm")
        #expect(completion.message?.toolCalls == nil)
        #expect(completion.choices.first?.finishReason == .stop)
        #expect(completion.systemFingerprint == "fp_1234")
        #expect(completion.usage?.totalTokens == 29)
    }

    @Test("reasoning is read from reasoning_content and from newer vLLM's reasoning field")
    func reasoningFields() throws {
        let old = try decode(
            ChatMessage.self, #"{"role":"assistant","content":"x","reasoning_content":"r1"}"#)
        let new = try decode(
            ChatMessage.self, #"{"role":"assistant","content":"x","reasoning":"r2"}"#)
        let none = try decode(ChatMessage.self, #"{"role":"assistant","content":"x"}"#)
        #expect(old.reasoningContent == "r1")
        #expect(new.reasoningContent == "r2")
        #expect(none.reasoningContent == nil)
    }

    @Test("content given as text parts is joined, and empty tool_calls read as none")
    func contentParts() throws {
        let message = try decode(
            ChatMessage.self,
            """
            {"role":"user","content":[{"type":"text","text":"first"},
             {"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"second"}],
             "tool_calls":[]}
            """)
        #expect(message.content == "first\nsecond")
        #expect(message.toolCalls == nil)
        let missing = try decode(ChatMessage.self, #"{"role":"developer"}"#)
        #expect(missing.content == nil && missing.role.rawValue == "developer")
    }

    @Test("tool-call arguments sent as an object are kept as their JSON text")
    func argumentsAsObject() throws {
        let call = try decode(
            ToolCall.self,
            #"{"id":"call_1","function":{"name":"python","arguments":{"code":"print(1)"}}}"#)
        #expect(call.type == "function")
        #expect(call.function.arguments == #"{"code":"print(1)"}"#)
    }

    @Test("a request reads stop as a string and max_completion_tokens as max_tokens")
    func requestLenientForms() throws {
        let request = try decode(
            ChatRequest.self,
            """
            {"model":"m","messages":[{"role":"user","content":"hi"}],"stop":"</answer>",
             "max_completion_tokens":64,"n":1,"stream":false,"tool_choice":"auto"}
            """)
        #expect(request.stop == ["</answer>"])
        #expect(request.maxTokens == 64)
        #expect(request.toolChoice == .auto)
        #expect(request.sampleIndex == nil)
    }

    @Test("embeddings decode from floats and from base64, and a single input string is read")
    func embeddings() throws {
        let floats = try decode(
            EmbeddingsResponse.self,
            """
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.5,-0.25]}],
             "model":"bge-m3","usage":{"prompt_tokens":3,"total_tokens":3}}
            """)
        #expect(floats.data.first?.embedding == [0.5, -0.25])
        #expect(floats.usage?.promptTokens == 3)
        // 1.0 and -2.0 as little-endian float32: 0000803f 000000c0.
        let base64 = try decode(
            EmbeddingsResponse.self,
            #"{"data":[{"index":0,"embedding":"AACAPwAAAMA="}],"model":"m"}"#)
        #expect(base64.data.first?.embedding == [1, -2])
        let request = try decode(EmbeddingsRequest.self, #"{"model":"m","input":"one text"}"#)
        #expect(request.input == ["one text"])
    }

    @Test("a model list from /v1/models decodes")
    func modelList() throws {
        let list = try decode(
            ModelList.self,
            """
            {"object":"list","data":[{"id":"Qwen/Qwen3-8B","object":"model","created":1733000000,
             "owned_by":"vllm","root":"Qwen/Qwen3-8B","parent":null,"max_model_len":32768,
             "permission":[{"id":"modelperm-1","allow_sampling":true}]}]}
            """)
        #expect(list.data.map(\.id) == ["Qwen/Qwen3-8B"])
        #expect(list.data.first?.ownedBy == "vllm")
    }
}
