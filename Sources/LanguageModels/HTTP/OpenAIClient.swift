internal import AsyncHTTPClient
public import Basics
internal import Foundation
internal import NIOHTTP1
internal import Synchronization

/// A client of one OpenAI-compatible endpoint (vLLM, SGLang, llama.cpp, Ollama, hosted APIs):
/// chat completions, embeddings and the model list, through one retry loop and the endpoint's
/// limits.
///
/// Failures are classified once, in `perform`: connection errors, timeouts, 408, 409, 429, 5xx
/// and 2xx bodies that do not parse are retried with backoff (honouring `Retry-After`); 401 and
/// 403 throw ``ModelCallError/credentialsRejected(endpoint:status:message:)``; other 4xx throw
/// ``ModelCallError/rejected(endpoint:status:message:)`` at once.
public final class OpenAIClient: ChatModel, EmbeddingModel {
    public let configuration: EndpointConfiguration
    private let session: HTTPSession
    private let limiter: EndpointLimiter
    private let tally = Mutex(ClientCounters())
    private let credentials = CredentialGate()
    /// Set once the endpoint has accepted the credentials, so later calls skip the gate.
    private let proven = Mutex(false)

    public init(_ configuration: EndpointConfiguration, session: HTTPSession) {
        self.configuration = configuration
        self.session = session
        self.limiter = EndpointLimiter(configuration.limits)
    }

    /// Requests sent and retried so far.
    public var counters: ClientCounters { tally.withLock { $0 } }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        try await exchange(request).completion
    }

    public func exchange(_ request: ChatRequest) async throws -> ChatExchange {
        // The wire form built directly (equal to the Codable form, by test), without the cost
        // of JSONEncoder.
        let body = try request.keyValue.canonicalBytes()
        let delivered = try await perform(
            .POST, path: "/chat/completions", body: body, tokens: TokenEstimate.budget(of: request)
        ) { bytes in
            let completion = try WireCoding.completion(from: bytes)
            guard !completion.choices.isEmpty else { throw UnreadableResponse("no choices") }
            return completion
        }
        return ChatExchange(
            completion: delivered.value, requestBody: body, responseBody: delivered.body,
            attempts: delivered.attempts)
    }

    public func embed(_ request: EmbeddingsRequest) async throws -> EmbeddingsResponse {
        let body = try WireCoding.encode(request)
        let tokens = request.input.reduce(0) { $0 + TokenEstimate.tokens($1) }
        return try await perform(.POST, path: "/embeddings", body: body, tokens: tokens) { bytes in
            let response = try WireCoding.decoder.decode(EmbeddingsResponse.self, from: Data(bytes))
            guard response.data.count == request.input.count else {
                throw UnreadableResponse(
                    "\(response.data.count) embeddings for \(request.input.count) inputs")
            }
            return response
        }.value
    }

    /// `GET /models`: the models the endpoint serves, as a connectivity check.
    public func models() async throws -> ModelList {
        try await perform(.GET, path: "/models", body: nil, tokens: 0) { bytes in
            try WireCoding.decoder.decode(ModelList.self, from: Data(bytes))
        }.value
    }

    /// The one retry loop: sends until `decode` accepts a 2xx body, a failure is final, or the
    /// policy's attempts are spent. Until the endpoint has accepted the credentials, calls go
    /// through the ``CredentialGate`` one at a time.
    private func perform<Value: Sendable>(
        _ method: HTTPMethod, path: String, body: [UInt8]?, tokens: Int,
        decode: ([UInt8]) throws -> Value
    ) async throws -> Delivered<Value> {
        var leading = false
        if !proven.withLock({ $0 }) {
            leading = try await credentials.enter() == .lead
        }
        do {
            return try await attempts(
                method, path: path, body: body, tokens: tokens, leading: &leading, decode: decode)
        } catch {
            if leading { await credentials.abandon() }
            throw error
        }
    }

    private func attempts<Value: Sendable>(
        _ method: HTTPMethod, path: String, body: [UInt8]?, tokens: Int, leading: inout Bool,
        decode: ([UInt8]) throws -> Value
    ) async throws -> Delivered<Value> {
        var headers: [(String, String)] = [("Accept", "application/json")]
        if let key = configuration.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        let url = configuration.baseURL + path
        var generator = SystemRandomNumberGenerator()
        var failures = 0
        while true {
            try Task.checkCancellation()
            tally.withLock { $0.requests += 1 }
            let failure: AttemptFailure
            do {
                let reply = try await limiter.admit(tokens: tokens) {
                    try await session.send(
                        method, url: url, headers: headers, body: body,
                        timeout: configuration.timeout)
                }
                if leading, reply.status != 401, reply.status != 403 {
                    proven.withLock { $0 = true }
                    await credentials.accept()
                    leading = false
                }
                if (200..<300).contains(reply.status) {
                    do {
                        let value = try decode(reply.body)
                        return Delivered(value: value, body: reply.body, attempts: failures + 1)
                    } catch {
                        failure = .unreadable(UnreadableResponse.describe(error))
                    }
                } else {
                    failure = .status(
                        reply.status, message: ServerMessage.extract(from: reply.body),
                        retryAfter: reply.retryAfter)
                }
            } catch {
                if Task.isCancelled || error is CancellationError { throw CancellationError() }
                failure = .transport(TransportFailure.describe(error))
            }
            failures += 1
            if let final = failure.finalError(endpoint: configuration.label) {
                tally.withLock { $0.failures += 1 }
                if leading, final.abortsBuild {
                    await credentials.reject(final)
                    leading = false
                }
                throw final
            }
            guard configuration.retry.allowsRetry(afterAttempts: failures) else {
                tally.withLock { $0.failures += 1 }
                if leading, case .transport = failure {
                    // The first call never got an HTTP answer: the endpoint is not there, and
                    // every call waiting behind this one would try as long.
                    let error = ModelCallError.unreachable(
                        endpoint: configuration.label, attempts: failures,
                        last: failure.description)
                    await credentials.reject(error)
                    leading = false
                    throw error
                }
                throw ModelCallError.attemptsExhausted(
                    endpoint: configuration.label, attempts: failures, last: failure.description)
            }
            tally.withLock { $0.retries += 1 }
            let delay = configuration.retry.delay(
                beforeRetry: failures, retryAfter: failure.retryAfterSeconds, using: &generator)
            if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
        }
    }
}

/// What an ``OpenAIClient`` has done.
public struct ClientCounters: Sendable, Hashable {
    /// HTTP requests sent, retries included.
    public var requests = 0
    /// Attempts that failed and were tried again.
    public var retries = 0
    /// Calls that failed for good.
    public var failures = 0
}

/// A decoded answer with the bytes it came from.
private struct Delivered<Value: Sendable>: Sendable {
    var value: Value
    var body: [UInt8]
    var attempts: Int
}

extension AttemptFailure {
    /// The server's `Retry-After`, in seconds, when it sent one that parses.
    fileprivate var retryAfterSeconds: Double? {
        guard case .status(_, _, let header?) = self else { return nil }
        return RetryAfter.seconds(header, now: Date())
    }
}
