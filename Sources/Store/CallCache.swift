public import Basics

/// The cache of LLM calls: call key → the response it produced.
public protocol CallCache: Sendable {
    /// The call recorded under `key`, only when its response blob is present and verifies; a
    /// corrupt response is a miss and is reported to the store's fault handler.
    func lookup(call key: Digest) async throws -> CachedCall?

    /// Stores the call and its request and response blobs in one transaction, and returns only
    /// once that transaction has committed. Recording a key again replaces its entry.
    func record(_ call: CallRecord) async throws
}
