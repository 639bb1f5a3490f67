internal import Basics
internal import Foundation
internal import Synchronization

/// The caching decorator: every call is keyed (``CallKey``), looked up in a ``CallStore``, and
/// sent to the model behind only when it misses; a successful, well-formed answer is recorded
/// before it is returned.
///
/// Failures are never recorded: a thrown error or an unreadable body (thrown by the client). An
/// answer cut at the token limit is a real reply and is recorded; ``Options/truncation`` decides
/// on every use, from the network or the cache, whether it fails the call. Concurrent calls with
/// one key share one request (single flight). With ``Options/offline`` a miss throws
/// ``ModelCallError/offlineMiss(model:stage:key:)`` instead of sending; with
/// ``Options/forecast`` a miss is counted as a call a build would send and answered by the model
/// behind, which is then a stand-in (the simulator), never a paid endpoint.
public final class CachedChatModel: ChatModel {
    /// How the decorator treats misses and truncated answers.
    public struct Options: Sendable {
        public var offline: Bool
        public var truncation: TruncationPolicy
        /// Bytes of recent answers (counted by their response bodies) kept decoded in memory,
        /// so a call repeated in one process skips the store and the decoding.
        public var memoryBytes: Int
        /// The build's budget every miss asks before it is sent; nil for none.
        public var budget: SendBudget?
        /// US dollars per million input and output tokens, for the budget's estimates.
        public var price: (input: Double, output: Double)?
        /// A dry run: a miss counts as sent with estimated tokens (the prompt's, and
        /// `max_tokens` as the bound on the answer) and is answered by the stand-in behind.
        public var forecast: Bool

        public init(
            offline: Bool = false, truncation: TruncationPolicy = .fail,
            memoryBytes: Int = 64 << 20, budget: SendBudget? = nil,
            price: (input: Double, output: Double)? = nil, forecast: Bool = false
        ) {
            self.forecast = forecast
            self.offline = offline
            self.truncation = truncation
            self.memoryBytes = memoryBytes
            self.budget = budget
            self.price = price
        }
    }

    /// An answer and how it was obtained.
    public struct Answer: Sendable {
        public var completion: ChatCompletion
        public var key: CallKey
        /// Whether it came from the store rather than a request.
        public var cached: Bool
    }

    public let identity: ModelIdentity
    /// The endpoint's name, recorded with each call.
    public let endpoint: String
    private let base: any ChatModel
    private let store: any CallStore
    private let options: Options
    let flights = SingleFlight<Answer>()
    private let tally = Mutex(CallStatistics())
    private let recent: Mutex<AnswerMemo>

    public init(
        _ base: any ChatModel, identity: ModelIdentity, endpoint: String, store: any CallStore,
        options: Options = Options()
    ) {
        self.base = base
        self.identity = identity
        self.endpoint = endpoint
        self.store = store
        self.options = options
        self.recent = Mutex(AnswerMemo(capacity: options.memoryBytes))
    }

    /// What this model's calls have cost so far.
    public var statistics: CallStatistics { tally.withLock { $0 } }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        try await answer(request).completion
    }

    /// The answer to `request`; `stage` names the plan node asking, for messages.
    public func answer(_ request: ChatRequest, stage: String? = nil) async throws -> Answer {
        let key = try CallKey(identity: identity, request: request)
        if let completion = recent.withLock({ $0[key.digest] }) {
            // The policy applies to remembered answers as it does to stored ones.
            do {
                try check(completion, request)
            } catch {
                tally.withLock { $0.failed += 1 }
                throw error
            }
            tally.withLock { $0.cached += 1 }
            return Answer(completion: completion, key: key, cached: true)
        }
        do {
            let (answer, joined) = try await flights.run(key.digest) { [self] in
                try await resolve(request, key: key, stage: stage)
            }
            if joined { tally.withLock { $0.joined += 1 } }
            return answer
        } catch {
            tally.withLock { $0.failed += 1 }
            throw error
        }
    }

    private func resolve(
        _ request: ChatRequest, key: CallKey, stage: String?
    ) async throws
        -> Answer
    {
        if let bytes = try await store.response(for: key.digest),
            let completion = try? WireCoding.completion(from: bytes)
        {
            try check(completion, request)
            tally.withLock {
                $0.cached += 1
                $0.cachedTokensIn += completion.usage?.promptTokens ?? 0
                $0.cachedTokensOut += completion.usage?.completionTokens ?? 0
            }
            recent.withLock { $0.insert(completion, for: key.digest, size: bytes.count) }
            return Answer(completion: completion, key: key, cached: true)
        }
        if options.offline {
            throw ModelCallError.offlineMiss(model: identity.model, stage: stage, key: key.digest)
        }
        let reserved = try options.budget?.admit(cost: estimatedCost(of: request))
        let clock = ContinuousClock()
        let start = clock.now
        let exchange: ChatExchange
        do {
            exchange = try await base.exchange(request)
        } catch {
            if let reserved { options.budget?.settle(reserved: reserved, actually: 0) }
            throw error
        }
        let latency = clock.now - start
        var usage = exchange.completion.usage
        if options.forecast {
            // The stand-in's own token counts say nothing about the real model's.
            usage = .init(
                promptTokens: Self.estimatedPromptTokens(request),
                completionTokens: request.maxTokens ?? 4096)
        }
        if let reserved {
            options.budget?.settle(reserved: reserved, actually: cost(of: usage))
        }
        tally.withLock {
            $0.sent += 1
            $0.tokensIn += usage?.promptTokens ?? 0
            $0.tokensOut += usage?.completionTokens ?? 0
        }
        // A cut answer is a genuine, reproducible reply to this request: it is stored like any
        // other, so a rebuild does not pay for it again, and the policy is applied on every use.
        try await store.record(
            CompletedCall(
                key: key, requestBody: exchange.requestBody,
                responseBody: exchange.responseBody, model: identity.model, endpoint: endpoint,
                tokensIn: usage?.promptTokens ?? 0, tokensOut: usage?.completionTokens ?? 0,
                latency: latency))
        recent.withLock {
            $0.insert(exchange.completion, for: key.digest, size: exchange.responseBody.count)
        }
        try check(exchange.completion, request)
        return Answer(completion: exchange.completion, key: key, cached: false)
    }

    /// An upper estimate of what `request` costs: its prompt's tokens (about one per three
    /// characters) and its `max_tokens` (4,096 when unset). Zero without a price.
    private func estimatedCost(of request: ChatRequest) -> Double {
        guard let price = options.price else { return 0 }
        let input = Double(Self.estimatedPromptTokens(request))
        let output = Double(request.maxTokens ?? 4096)
        return (input * price.input + output * price.output) / 1_000_000
    }

    /// About one token per three characters of the messages, and 16 per message.
    static func estimatedPromptTokens(_ request: ChatRequest) -> Int {
        let characters = request.messages.reduce(0) { $0 + ($1.content?.utf8.count ?? 0) }
        return characters / 3 + 16 * request.messages.count
    }

    private func cost(of usage: ChatCompletion.Usage?) -> Double {
        guard let price = options.price, let usage else { return 0 }
        return
            (Double(usage.promptTokens) * price.input
            + Double(usage.completionTokens) * price.output) / 1_000_000
    }

    /// Counts an answer cut at the token limit, and refuses it when the policy says so.
    private func check(_ completion: ChatCompletion, _ request: ChatRequest) throws {
        guard completion.choices.first?.finishReason == .length else { return }
        tally.withLock { $0.truncated += 1 }
        if options.truncation == .fail {
            throw ModelCallError.truncated(model: identity.model, maxTokens: request.maxTokens)
        }
    }
}

/// What to do with an answer cut short by `max_tokens` (`finish_reason: length`).
public enum TruncationPolicy: String, Sendable, Hashable, Codable {
    /// The call fails (counted in the statistics; the answer is still cached, and fails again on
    /// every use).
    case fail
    /// The text is used as it is.
    case keep
}
