/// When and how long to wait before trying a failed call again: exponential backoff with full
/// jitter, capped, honouring a server's `Retry-After` within a bound.
///
/// The policy is never part of a cache key: it changes when an answer arrives, not what it is.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per call, counting the first.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry, in seconds; it doubles per retry.
    public var baseDelay: Double
    /// The most any backoff waits, in seconds.
    public var maxDelay: Double
    /// The most a server's `Retry-After` is honoured, in seconds; longer requests are cut to it.
    public var maxRetryAfter: Double

    public init(
        maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30,
        maxRetryAfter: Double = 120
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Whether a call that has failed `attempts` times may be tried again.
    public func allowsRetry(afterAttempts attempts: Int) -> Bool {
        attempts < maxAttempts
    }

    /// Seconds to wait before retry number `retry` (1 for the first retry): the server's
    /// `Retry-After` when it gave one (bounded), else a uniformly random time between zero and
    /// the exponential ceiling ("full jitter").
    public func delay(
        beforeRetry retry: Int, retryAfter: Double?,
        using generator: inout some RandomNumberGenerator
    ) -> Double {
        if let retryAfter { return min(max(0, retryAfter), maxRetryAfter) }
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(max(0, retry - 1), 30)))
        // A uniform fraction in [0, 1] from the top 53 bits, so any generator (even a constant
        // one in tests) gives an answer at once.
        let fraction = Double(generator.next() >> 11) / Double((1 as UInt64) << 53 - 1)
        return fraction * ceiling
    }
}

/// What to do about one failed attempt.
public enum FailureDisposition: Sendable, Hashable {
    /// Try again (connection errors, timeouts, 408, 409, 429, 5xx, unparseable 200s).
    case retry
    /// Give up on this call; the build goes on (400, 404, 413, 422).
    case failCall
    /// Stop the whole build: the endpoint refuses our credentials (401, 403).
    case abortBuild
}

extension FailureDisposition {
    /// The disposition of an HTTP status that is not a success.
    public static func forStatus(_ status: Int) -> FailureDisposition {
        switch status {
        case 401, 403: .abortBuild
        case 408, 409, 425, 429: .retry
        case 500...599: .retry
        default: .failCall
        }
    }
}
