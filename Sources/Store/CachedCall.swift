public import Basics
public import Foundation

/// A call served from the store: its metadata and its response, which verified on this read.
public struct CachedCall: Sendable, Hashable {
    /// The call key.
    public let key: Digest
    /// The canonical JSON the key hashes.
    public let keyJSON: String
    /// The digest of the request blob.
    public let requestDigest: Digest
    /// The digest of the response blob.
    public let responseDigest: Digest
    /// The response bytes; they hash to `responseDigest`.
    public let response: [UInt8]
    /// The model identity the call was made to.
    public let model: String
    /// The endpoint identity the call was made to.
    public let endpoint: String
    /// Prompt tokens reported by the endpoint.
    public let tokensIn: Int
    /// Completion tokens reported by the endpoint.
    public let tokensOut: Int
    /// How long the original call took.
    public let latency: Duration
    /// When the call was recorded.
    public let created: Date

    /// A cached call; the store makes these, other modules' tests may too.
    public init(
        key: Digest, keyJSON: String, requestDigest: Digest, responseDigest: Digest,
        response: [UInt8], model: String, endpoint: String, tokensIn: Int, tokensOut: Int,
        latency: Duration, created: Date
    ) {
        self.key = key
        self.keyJSON = keyJSON
        self.requestDigest = requestDigest
        self.responseDigest = responseDigest
        self.response = response
        self.model = model
        self.endpoint = endpoint
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.latency = latency
        self.created = created
    }
}
