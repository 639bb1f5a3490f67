import Basics
import Foundation
import Testing

@testable import LanguageModels

@Suite("Fast wire decoding agrees with JSONDecoder")
struct WireFastDecodingTests {
    static let completions = [
        #"{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"#,
        #"{"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[{"id":"t1","type":"function","function":{"name":"search","arguments":"{\"q\":1}"}}]},"finish_reason":"tool_calls"}]}"#,
        #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x","reasoning":"why"},"finish_reason":null}],"usage":{"prompt_tokens":3,"completion_tokens":4}}"#,
        #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}}]}"#,
        #"{"id":"c","model":"m","choices":[{"message":{"role":"assistant","content":"x","tool_calls":[{"id":"t","function":{"name":"f","arguments":{"a":1}}}]}}],"system_fingerprint":"fp"}"#,
        #"{"id":"c","model":"m","choices":[{"message":{"role":"assistant","content":"x","reasoning_content":"r","name":"n"}}],"usage":null,"created":null}"#,
    ]

    @Test("completions decode the same either way", arguments: completions)
    func completion(_ text: String) throws {
        let bytes = Array(text.utf8)
        let expected = try WireCoding.decoder.decode(ChatCompletion.self, from: Data(bytes))
        #expect(try WireCoding.completion(from: bytes) == expected)
    }

    static let requests = [
        #"{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":64,"temperature":0,"top_p":0.95,"seed":3,"stop":"</a>"}"#,
        #"{"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":"u"}],"max_completion_tokens":9,"stop":["x","y"]}"#,
        #"{"model":"m","messages":[{"role":"user","content":"q"}],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"auto"}"#,
        #"{"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","content":"r","tool_call_id":"1"}]}"#,
    ]

    @Test("requests decode the same either way", arguments: requests)
    func request(_ text: String) throws {
        let data = Data(text.utf8)
        let expected = try WireCoding.decoder.decode(ChatRequest.self, from: data)
        #expect(try WireCoding.request(from: data) == expected)
    }

    @Test("what JSONDecoder refuses is refused either way")
    func refusals() {
        for text in [#"{"choices":"none"}"#, #"{"model":"m"}"#, "not json"] {
            #expect(throws: (any Error).self) { try WireCoding.completion(from: Array(text.utf8)) }
            #expect(throws: (any Error).self) { try WireCoding.request(from: Data(text.utf8)) }
        }
    }
}
