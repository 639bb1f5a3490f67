public import Basics

extension Recipe {
    /// A model under a role name: which endpoint serves it, and how it is sampled.
    public struct Model: Sendable {
        public enum ToolProtocol: String, Sendable, Codable {
            /// OpenAI function calling (`tools`, `tool_calls`).
            case native
            /// `<tool_call>{json}</tool_call>` in plain text, for models without function calling.
            case tags
        }

        /// USD per million tokens.
        public struct Price: Sendable, Hashable, Codable {
            public var input: Double
            public var output: Double
        }

        public var name: Located<String>
        public var endpoint: Located<String>
        public var model: Located<String>
        public var revision: String?
        public var temperature: Double?
        public var topP: Double?
        public var maxTokens: Int?
        public var seed: Int?
        public var stop: [String]?
        public var price: Price?
        public var toolProtocol: ToolProtocol
        /// Whether an answer cut at `max_tokens` (`finish_reason: length`) fails the call.
        public var truncationFails: Bool

        init(name: Located<String>, _ object: ShapedObject) {
            self.name = name
            endpoint = object.string("endpoint") ?? Located("", at: object.range)
            model = object.string("model") ?? Located("", at: object.range)
            revision = object.string("revision")?.value
            temperature = object.number("temperature")?.value
            topP = object.number("top_p")?.value
            maxTokens = object.integer("max_tokens")?.value
            seed = object.integer("seed")?.value
            stop = object.list("stop")?.compactMap { $0.string?.value }
            price = object.object("price").map {
                Price(
                    input: $0.number("input")?.value ?? 0, output: $0.number("output")?.value ?? 0)
            }
            toolProtocol = ToolProtocol(rawValue: object.string("tool_protocol")!.value)!
            truncationFails = object.string("truncation")!.value == "fail"
        }

        static let priceShape = ObjectShape(
            "price", "Prices in USD per million tokens, for cost reports and budgets.",
            fields: [
                Field(
                    "input", .number(0...1_000_000), required: true,
                    "USD per million prompt tokens.", example: "input: 0.56"),
                Field(
                    "output", .number(0...1_000_000), required: true,
                    "USD per million completion tokens.", example: "output: 1.68"),
            ])

        static let shape = ObjectShape(
            "model",
            "A model under a role name. Sampling settings that are not given are left to the "
                + "server's defaults.",
            fields: [
                Field(
                    "endpoint", .reference(.endpoint), required: true,
                    "The endpoint that serves the model.", example: "endpoint: vllm"),
                Field(
                    "model", .string(.text), required: true,
                    "The model's name as the endpoint knows it.",
                    example: "model: Qwen/Qwen3-235B-A22B"),
                Field(
                    "revision", .string(.text),
                    "A revision or checkpoint label; part of the cache key, so a new revision "
                        + "re-sends its calls.", example: "revision: 2025-07-25"),
                Field(
                    "temperature", .number(0...2), "Sampling temperature.",
                    example: "temperature: 0.6"),
                Field("top_p", .number(0...1), "Nucleus sampling mass.", example: "top_p: 0.95"),
                Field(
                    "max_tokens", .integer(1...10_000_000),
                    "Most completion tokens per call; also bounds cost forecasts.",
                    example: "max_tokens: 8192"),
                Field(
                    "seed", .integer(0...9_007_199_254_740_991),
                    "Sampling seed sent to servers that honour it.", example: "seed: 1"),
                Field(
                    "stop", .list(.string(.text), minCount: 1), "Stop sequences.",
                    example: "stop: [\"</answer>\"]"),
                Field(
                    "price", .object(priceShape), "USD per million tokens.",
                    example: "price: { input: 0.56, output: 1.68 }"),
                Field(
                    "tool_protocol", .choice(["native", "tags"]), default: "native",
                    "How the model calls tools: OpenAI function calling (`native`) or "
                        + "`<tool_call>` tags in text (`tags`).",
                    example: "tool_protocol: tags"),
                Field(
                    "truncation", .choice(["fail", "keep"]), default: "fail",
                    "What an answer cut short by `max_tokens` (`finish_reason: length`) does: "
                        + "`fail` counts the call as failed; `keep` uses the text as it is. Either way "
                        + "the build reports how many were cut, and the answer is cached, so a "
                        + "rebuild does not pay for it again.",
                    example: "truncation: keep"),
            ])
    }
}
