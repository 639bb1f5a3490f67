/// How to reach one OpenAI-compatible server and how hard to push it.
///
/// Nothing here is part of a call key except through ``ModelIdentity``: credentials, timeouts,
/// limits and the retry policy change when an answer arrives, never what it is.
public struct EndpointConfiguration: Sendable {
    /// The recipe's name for the endpoint, used in every message about it.
    public var name: String
    /// The base URL, ending in `/v1`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer …` when present.
    public var apiKey: String?
    /// How long one attempt may take before it counts as a retryable failure.
    public var timeout: Duration
    public var retry: RetryPolicy
    public var limits: EndpointLimits

    public init(
        name: String, baseURL: String, apiKey: String? = nil, timeout: Duration = .seconds(600),
        retry: RetryPolicy = RetryPolicy(), limits: EndpointLimits = EndpointLimits()
    ) {
        self.name = name
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.timeout = timeout
        self.retry = retry
        self.limits = limits
    }

    /// How messages name the endpoint: `'vllm' (http://127.0.0.1:8000/v1)`.
    public var label: String { "'\(name)' (\(baseURL))" }
}

/// Limits on what one endpoint is sent.
public struct EndpointLimits: Sendable, Hashable {
    /// Most requests in flight at once.
    public var maxConcurrency: Int
    /// Most requests started per minute; nil for no limit.
    public var requestsPerMinute: Int?
    /// Most tokens (estimated prompt plus completion bound) per minute; nil for no limit.
    public var tokensPerMinute: Int?

    public init(
        maxConcurrency: Int = 16, requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil
    ) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }
}
