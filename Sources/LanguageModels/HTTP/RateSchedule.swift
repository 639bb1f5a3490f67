/// A per-minute budget, spent smoothly: the generic cell rate algorithm with one second of
/// burst. Each reservation says how long to wait before spending.
struct RateSchedule: Sendable {
    /// Seconds each unit of the budget takes.
    private let interval: Double
    /// Seconds of budget that may be spent ahead of the steady rate.
    private let burst: Double
    /// The theoretical arrival time of the next unit, in seconds on the caller's clock.
    private var next: Double = 0

    init(perMinute: Int, burst: Double = 1) {
        interval = 60 / Double(max(1, perMinute))
        self.burst = burst
    }

    /// Reserves `cost` units at `now` (seconds) and returns how many seconds to wait first.
    mutating func reserve(_ cost: Int, now: Double) -> Double {
        let start = max(now, next - burst)
        next = max(next, now) + Double(max(0, cost)) * interval
        return start - now
    }
}
