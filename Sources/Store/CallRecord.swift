public import Basics

/// One completed LLM call to remember: what was sent, what came back, and what it cost.
///
/// Only successful calls with well-formed responses are recorded; the store does not judge.
public struct CallRecord: Sendable, Hashable {
    /// The call key: the SHA-256 of `keyJSON`.
    public let key: Digest
    /// The canonical JSON the key hashes, kept so `frontier explain` can show its components.
    public let keyJSON: String
    /// The request body as sent.
    public let request: [UInt8]
    /// The response body as received.
    public let response: [UInt8]
    /// The model identity the call was made to.
    public let model: String
    /// The endpoint identity the call was made to.
    public let endpoint: String
    /// Prompt tokens reported by the endpoint.
    public let tokensIn: Int
    /// Completion tokens reported by the endpoint.
    public let tokensOut: Int
    /// How long the call took.
    public let latency: Duration

    /// A record whose key is the SHA-256 of `keyJSON`, so the two can never disagree.
    public init(
        keyJSON: String, request: [UInt8], response: [UInt8], model: String, endpoint: String,
        tokensIn: Int, tokensOut: Int, latency: Duration
    ) {
        self.init(
            unchecked: Digest(of: keyJSON), keyJSON: keyJSON, request: request,
            response: response, model: model, endpoint: endpoint, tokensIn: tokensIn,
            tokensOut: tokensOut, latency: latency)
    }

    /// A record whose key is taken as given: for tests that damage a store.
    init(
        unchecked key: Digest, keyJSON: String, request: [UInt8], response: [UInt8],
        model: String, endpoint: String, tokensIn: Int, tokensOut: Int, latency: Duration
    ) {
        self.key = key
        self.keyJSON = keyJSON
        self.request = request
        self.response = response
        self.model = model
        self.endpoint = endpoint
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.latency = latency
    }
}
