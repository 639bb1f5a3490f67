import Basics
import Testing

@testable import LanguageModels

@Suite("Call keys")
struct CallKeyTests {
    static let identity = ModelIdentity(
        model: "qwen3-32b", revision: nil, endpoint: .object(["base_url": .string("http://a/v1")]))

    static let request = ChatRequest(
        model: "qwen3-32b", messages: [.system("be brief"), .user("what is a lens?")])

    static func key(
        _ identity: ModelIdentity = identity, _ request: ChatRequest = request
    )
        throws -> Digest
    {
        try CallKey(identity: identity, request: request).digest
    }

    /// One variant per key component of ARCHITECTURE.md, each changing only that component.
    static let variants: [(String, ModelIdentity, ChatRequest)] = {
        var list: [(String, ModelIdentity, ChatRequest)] = []
        func vary(_ name: String, _ change: (inout ModelIdentity, inout ChatRequest) -> Void) {
            var identity = CallKeyTests.identity
            var request = CallKeyTests.request
            change(&identity, &request)
            list.append((name, identity, request))
        }
        vary("model") { identity, _ in identity.model = "qwen3-8b" }
        vary("revision") { identity, _ in identity.revision = "2025-07-25" }
        vary("endpoint") { identity, _ in
            identity.endpoint = .object(["base_url": .string("http://b/v1")])
        }
        vary("cache_as") { identity, _ in
            identity.endpoint = .object(["cache_as": .string("cluster")])
        }
        vary("served model name") { _, request in request.model = "Qwen/Qwen3-32B" }
        vary("message text") { _, request in request.messages[1] = .user("what is a prism?") }
        vary("message role") { _, request in request.messages[0] = .user("be brief") }
        vary("one more message") { _, request in request.messages.append(.assistant("ok")) }
        vary("tools") { _, request in
            request.tools = [ToolDefinition(name: "corpus-search", description: "search")]
        }
        vary("tool choice") { _, request in request.toolChoice = .required }
        vary("response format") { _, request in request.responseFormat = .jsonObject }
        vary("temperature") { _, request in request.temperature = 0.7 }
        vary("top_p") { _, request in request.topP = 0.9 }
        vary("max_tokens") { _, request in request.maxTokens = 512 }
        vary("stop") { _, request in request.stop = ["</answer>"] }
        vary("seed") { _, request in request.seed = 7 }
        vary("sample index") { _, request in request.sampleIndex = 1 }
        return list
    }()

    @Test("every component changes the key", arguments: variants.map(\.0))
    func componentChangesKey(_ name: String) throws {
        let variant = try #require(Self.variants.first { $0.0 == name })
        #expect(try Self.key(variant.1, variant.2) != Self.key())
    }

    @Test("the variants are pairwise distinct")
    func variantsDistinct() throws {
        let keys = try Self.variants.map { try Self.key($0.1, $0.2) }
        #expect(Set(keys).count == keys.count)
    }

    @Test("the same call gives the same key, and the key is the SHA-256 of its stored JSON")
    func stable() throws {
        let key = try CallKey(identity: Self.identity, request: Self.request)
        #expect(try Self.key() == key.digest)
        #expect(Digest(of: key.json) == key.digest)
        #expect(key.json.contains("\"sample_index\"") == false)
    }

    @Test("sample index 0 and no sample index are different samples")
    func sampleZero() throws {
        var zero = Self.request
        zero.sampleIndex = 0
        #expect(try Self.key(Self.identity, zero) != Self.key())
    }
}

@Suite("Call keys, built directly")
struct CallKeyDocumentTests {
    @Test(
        "the key document built directly equals the Codable form, for every variant",
        arguments: CallKeyTests.variants.map(\.0))
    func directEqualsCodable(_ name: String) throws {
        let variant = try #require(CallKeyTests.variants.first { $0.0 == name })
        var request = variant.2
        request.messages.append(
            ChatMessage(
                role: .assistant, content: "line\n\"quoted\" \\ é 𝄞 \u{1}", name: "a",
                toolCalls: [ToolCall(id: "c1", name: "search", arguments: "{\"q\":1}")],
                toolCallID: nil, reasoningContent: "because"))
        request.messages.append(.tool("result", callID: "c1"))
        request.tools = [
            ToolDefinition(
                name: "search", description: "find",
                parameters: .object(["type": .string("object"), "ü": .number(0.5)]))
        ]
        request.toolChoice = .function("search")
        request.responseFormat = ResponseFormat(
            type: "json_schema", jsonSchema: .object(["name": .string("x")]))
        let direct = try CallKey.document(identity: variant.1, request: request).canonicalBytes()
        let codable = try JSONValue.canonical(
            CallKey.Document(
                version: CallKey.version, model: variant.1, request: request,
                sampleIndex: request.sampleIndex))
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: codable, as: UTF8.self))
    }
}
