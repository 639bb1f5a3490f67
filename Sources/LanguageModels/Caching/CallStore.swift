public import Basics

/// Where the caching decorator keeps calls: the store's call cache, behind this module's own
/// protocol so that `LanguageModels` does not depend on `Store` (the engine adapts one to the
/// other).
public protocol CallStore: Sendable {
    /// The response bytes recorded under `key`, verified; nil for a miss (absent or corrupt).
    func response(for key: Digest) async throws -> [UInt8]?

    /// Records a completed call; returns only once it is durable.
    func record(_ call: CompletedCall) async throws
}

/// A successful, well-formed call, as the decorator hands it to a ``CallStore``.
public struct CompletedCall: Sendable {
    public var key: CallKey
    public var requestBody: [UInt8]
    public var responseBody: [UInt8]
    public var model: String
    public var endpoint: String
    public var tokensIn: Int
    public var tokensOut: Int
    public var latency: Duration
}
