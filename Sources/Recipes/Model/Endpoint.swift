public import Basics

extension Recipe {
    /// Where models are served: an OpenAI-compatible base URL, or the built-in simulator.
    public struct Endpoint: Sendable {
        public enum Kind: Sendable {
            case simulated(Simulator)
            /// `baseURL` is nil when it was missing or invalid (already reported).
            case http(baseURL: Located<String>?, apiKey: String?)
        }

        public var name: Located<String>
        public var kind: Kind
        public var maxConcurrency: Int
        public var requestsPerMinute: Int?
        public var tokensPerMinute: Int?
        /// Seconds.
        public var timeout: Double
        public var maxAttempts: Int
        public var cacheAs: String?

        /// What identifies this endpoint in cache keys: `cache_as` when declared, else the base
        /// URL (or the simulator and its settings). Never the API key.
        public var identity: JSONValue {
            if let cacheAs { return .object(["cache_as": .string(cacheAs)]) }
            switch kind {
            case .simulated(let simulator): return .object(["simulated": simulator.identity])
            case .http(let baseURL, _): return .object(["base_url": .string(baseURL?.value ?? "")])
            }
        }

        init(name: Located<String>, _ object: ShapedObject) {
            self.name = name
            if let simulated = object.object("simulated") {
                kind = .simulated(Simulator(simulated))
            } else {
                kind = .http(
                    baseURL: object.string("base_url"),
                    apiKey: object.string("api_key")?.value)
            }
            maxConcurrency = object.integer("max_concurrency")!.value
            requestsPerMinute = object.integer("requests_per_minute")?.value
            tokensPerMinute = object.integer("tokens_per_minute")?.value
            timeout = object.duration("timeout")!.value
            maxAttempts = object.integer("max_attempts")!.value
            cacheAs = object.string("cache_as")?.value
        }

        static let shape = ObjectShape(
            "endpoint",
            "An OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama, hosted APIs) or the "
                + "built-in simulator. Exactly one of `simulated` and `base_url`.",
            fields: [
                Field(
                    "simulated", .object(Simulator.shape),
                    "Use the built-in deterministic simulator instead of a server.",
                    example: "simulated: {}"),
                Field(
                    "base_url", .string(.url),
                    "The server's OpenAI-compatible base URL, ending in `/v1`.",
                    example: "base_url: http://127.0.0.1:8000/v1"),
                Field(
                    "api_key", .string(.secret),
                    "Sent as a bearer token. Write it as `${env:NAME}`: a literal key is a warning, "
                        + "and keys never enter the cache or outputs.",
                    example: "api_key: ${env:VLLM_API_KEY}"),
                Field(
                    "max_concurrency", .integer(1...4096), default: 16,
                    "Most requests in flight to this endpoint at once.",
                    example: "max_concurrency: 64"),
                Field(
                    "requests_per_minute", .integer(1...10_000_000),
                    "Optional cap on requests sent per minute.",
                    example: "requests_per_minute: 3000"),
                Field(
                    "tokens_per_minute", .integer(1...1_000_000_000),
                    "Optional cap on tokens (prompt and completion) per minute.",
                    example: "tokens_per_minute: 2000000"),
                Field(
                    "timeout", .duration(1...86_400), default: "600s",
                    "How long one request may take before it is retried.",
                    example: "timeout: 600s"),
                Field(
                    "max_attempts", .integer(1...20), default: 6,
                    "Attempts per call, counting the first, for retryable failures (connection "
                        + "errors, timeouts, 408, 409, 429, 5xx).",
                    example: "max_attempts: 6"),
                Field(
                    "cache_as", .string(.text),
                    "A name to cache calls under instead of the base URL, so equivalent endpoints "
                        + "(two replicas of one server) share a cache.",
                    example: "cache_as: qwen-cluster"),
            ],
            exactlyOneOf: [["simulated", "base_url"]])
    }

    /// Settings of the built-in simulator.
    public struct Simulator: Sendable {
        /// Share of structured answers the simulator writes malformed, to exercise repair paths.
        public var malformedRate: Double
        /// Simulated time per request, in seconds.
        public var latency: Double

        init(_ object: ShapedObject) {
            malformedRate = object.number("malformed_rate")!.value
            latency = object.duration("latency")!.value
        }

        var identity: JSONValue {
            .object(["malformed_rate": .number(malformedRate)])
        }

        static let shape = ObjectShape(
            "simulator",
            "The built-in simulator: a deterministic model of the ZPD that answers every stage's "
                + "prompts without a network.",
            fields: [
                Field(
                    "malformed_rate", .number(0...1), default: 0,
                    "Share of structured answers written malformed, to exercise repair paths.",
                    example: "malformed_rate: 0.02"),
                Field(
                    "latency", .duration(0...60), default: "0s",
                    "Simulated time each request takes.", example: "latency: 50ms"),
            ])
    }
}
