/// Enforces one endpoint's ``EndpointLimits``: a place among `maxConcurrency`, then the request
/// and token rates.
final class EndpointLimiter: Sendable {
    private let gate: ConcurrencyGate
    private let rates: RateState?
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    init(_ limits: EndpointLimits) {
        gate = ConcurrencyGate(limit: limits.maxConcurrency)
        if limits.requestsPerMinute != nil || limits.tokensPerMinute != nil {
            rates = RateState(
                requests: limits.requestsPerMinute.map { RateSchedule(perMinute: $0) },
                tokens: limits.tokensPerMinute.map { RateSchedule(perMinute: $0) })
        } else {
            rates = nil
        }
        origin = clock.now
    }

    /// Runs `operation` once the limits allow a request estimated at `tokens` tokens.
    func admit<Result: Sendable>(
        tokens: Int, _ operation: () async throws -> Result
    ) async throws -> Result {
        try await gate.acquire()
        do {
            if let rates {
                let now = (clock.now - origin) / .seconds(1)
                let wait = await rates.reserve(tokens: tokens, now: now)
                if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
            }
            let result = try await operation()
            gate.release()
            return result
        } catch {
            gate.release()
            throw error
        }
    }
}

/// The request and token schedules of one endpoint.
private actor RateState {
    private var requests: RateSchedule?
    private var tokens: RateSchedule?

    init(requests: RateSchedule?, tokens: RateSchedule?) {
        self.requests = requests
        self.tokens = tokens
    }

    /// Seconds to wait before sending a request of `tokens` tokens.
    func reserve(tokens cost: Int, now: Double) -> Double {
        let forRequests = requests?.reserve(1, now: now) ?? 0
        let forTokens = tokens?.reserve(cost, now: now) ?? 0
        return max(forRequests, forTokens)
    }
}
