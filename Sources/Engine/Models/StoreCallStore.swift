public import Basics
public import LanguageModels
public import Store

/// The store's call cache as the caching decorator's ``CallStore``.
public struct StoreCallStore: CallStore {
    private let cache: any CallCache

    public init(_ cache: any CallCache) {
        self.cache = cache
    }

    public func response(for key: Digest) async throws -> [UInt8]? {
        try await cache.response(forCall: key)
    }

    public func record(_ call: CompletedCall) async throws {
        try await cache.record(
            CallRecord(
                keyJSON: call.key.json, request: call.requestBody, response: call.responseBody,
                model: call.model, endpoint: call.endpoint, tokensIn: call.tokensIn,
                tokensOut: call.tokensOut, latency: call.latency))
    }
}
