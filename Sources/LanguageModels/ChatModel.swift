/// A model that answers chat requests: a server over HTTP, the simulator, or a cache in front
/// of either.
///
/// Conformers return the completion as the server sent it; a response that does not answer the
/// request (no choices, a body that does not parse) is thrown as an error, never returned.
public protocol ChatModel: Sendable {
    /// One chat completion for `request`.
    func complete(_ request: ChatRequest) async throws -> ChatCompletion

    /// One chat completion with the bytes that went each way, for caching. The default encodes
    /// the request and the completion as the wire would carry them.
    func exchange(_ request: ChatRequest) async throws -> ChatExchange
}

extension ChatModel {
    public func exchange(_ request: ChatRequest) async throws -> ChatExchange {
        let completion = try await complete(request)
        return ChatExchange(
            completion: completion, requestBody: try WireCoding.encode(request),
            responseBody: try WireCoding.encode(completion))
    }
}

/// A model that turns texts into vectors, as `POST /v1/embeddings` does.
public protocol EmbeddingModel: Sendable {
    /// One embedding per input of `request`, in input order.
    func embed(_ request: EmbeddingsRequest) async throws -> EmbeddingsResponse
}
