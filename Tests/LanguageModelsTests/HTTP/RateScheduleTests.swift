import Testing

@testable import LanguageModels

@Suite("Rate limits")
struct RateScheduleTests {
    @Test("a second's worth of requests goes at once, then they are spaced at the steady rate")
    func requestsPerMinute() {
        var schedule = RateSchedule(perMinute: 120)  // two a second
        let waits = (0..<6).map { _ in schedule.reserve(1, now: 0) }
        #expect(waits == [0, 0, 0, 0.5, 1.0, 1.5])
    }

    @Test("time that passes without requests restores the burst, never beyond it")
    func refill() {
        var schedule = RateSchedule(perMinute: 60)
        #expect(schedule.reserve(1, now: 0) == 0)
        #expect(schedule.reserve(1, now: 0) == 0)
        #expect(schedule.reserve(1, now: 0) == 1)
        #expect(schedule.reserve(1, now: 100) == 0)
        #expect(schedule.reserve(1, now: 100) == 0)
        #expect(schedule.reserve(1, now: 100) == 1)
    }

    @Test("a token budget charges each request its estimated tokens")
    func tokensPerMinute() {
        var schedule = RateSchedule(perMinute: 6000)  // 100 tokens a second
        #expect(schedule.reserve(150, now: 0) == 0)
        // 150 tokens took 1.5 s of budget, 1 s of which is burst: the next waits 0.5 s.
        #expect(schedule.reserve(10, now: 0) == 0.5)
    }

    @Test("at most the gate's limit hold it at once; a release admits the next waiter")
    func concurrencyGate() async throws {
        let gate = ConcurrencyGate(limit: 2)
        try await gate.acquire()
        try await gate.acquire()
        let third = Task { try await gate.acquire() }
        gate.release()
        try await third.value
        gate.release()
        gate.release()
    }

    @Test("a cancelled waiter leaves the queue with CancellationError")
    func cancelledWaiter() async throws {
        let gate = ConcurrencyGate(limit: 1)
        try await gate.acquire()
        let waiter = Task { try await gate.acquire() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        gate.release()
        try await gate.acquire()
    }
}
