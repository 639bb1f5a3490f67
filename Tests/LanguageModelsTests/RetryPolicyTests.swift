import Foundation
import LanguageModels
import Testing

/// A generator that always yields the same value, to pin the jitter at its extremes.
private struct FixedGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test(
        "statuses that may succeed later are retried; bad requests fail the call; 401 and 403 stop the build"
    )
    func dispositions() {
        for status in [408, 409, 429, 500, 502, 503, 504] {
            #expect(FailureDisposition.forStatus(status) == .retry, "\(status)")
        }
        for status in [400, 404, 413, 422] {
            #expect(FailureDisposition.forStatus(status) == .failCall, "\(status)")
        }
        #expect(FailureDisposition.forStatus(401) == .abortBuild)
        #expect(FailureDisposition.forStatus(403) == .abortBuild)
    }

    @Test("backoff stays within an exponential ceiling that is capped")
    func fullJitterCeiling() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.5, maxDelay: 4)
        var high = FixedGenerator(value: .max)
        var low = FixedGenerator(value: 0)
        let ceilings = (1...6).map { policy.delay(beforeRetry: $0, retryAfter: nil, using: &high) }
        #expect(ceilings.map { ($0 * 1000).rounded() / 1000 } == [0.5, 1, 2, 4, 4, 4])
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, using: &low) == 0)
    }

    @Test("jitter spreads retries over the whole interval")
    func jitterSpreads() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 1)
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<1000).map { _ in
            policy.delay(beforeRetry: 1, retryAfter: nil, using: &generator)
        }
        #expect(delays.allSatisfy { (0...1).contains($0) })
        #expect(delays.contains { $0 < 0.25 } && delays.contains { $0 > 0.75 })
    }

    @Test("a server's Retry-After is honoured, up to the bound")
    func retryAfterHonoured() {
        let policy = RetryPolicy(maxRetryAfter: 10)
        var generator = FixedGenerator(value: 0)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3, using: &generator) == 3)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3600, using: &generator) == 10)
        #expect(policy.delay(beforeRetry: 1, retryAfter: -5, using: &generator) == 0)
    }

    @Test("attempts are counted with the first one included")
    func attempts() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.allowsRetry(afterAttempts: 1))
        #expect(policy.allowsRetry(afterAttempts: 2))
        #expect(!policy.allowsRetry(afterAttempts: 3))
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test("Retry-After is read as seconds or as an HTTP date in any of its three forms")
    func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds(" 7 ", now: now) == 7)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Sunday, 06-Nov-94 08:49:57 GMT", now: now) == 20)
        #expect(RetryAfter.seconds("Sun Nov  6 08:50:07 1994", now: now) == 30)
        #expect(
            RetryAfter.seconds("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == 0, "past dates wait 0")
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds("-3", now: now) == nil)
        #expect(RetryAfter.seconds("", now: now) == nil)
    }
}
