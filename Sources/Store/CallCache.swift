public import Basics

/// The cache of LLM calls: call key → the response it produced.
public protocol CallCache: Sendable {
    /// The call recorded under `key`, only when its response blob is present and verifies; a
    /// corrupt response is a miss and is reported to the store's fault handler.
    func lookup(call key: Digest) async throws -> CachedCall?

    /// Only the response bytes of the call recorded under `key`, verified as `lookup` does: the
    /// hot path of a cache hit, which needs nothing else.
    func response(forCall key: Digest) async throws -> [UInt8]?

    /// Stores the call with its request and response bodies in one transaction, and returns only
    /// once that transaction has committed. Recording a key again replaces its entry.
    func record(_ call: CallRecord) async throws
}

extension CallCache {
    public func response(forCall key: Digest) async throws -> [UInt8]? {
        try await lookup(call: key)?.response
    }
}
