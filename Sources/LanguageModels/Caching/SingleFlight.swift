public import Basics

/// Runs one operation per key at a time: callers that ask for a key already running wait for
/// that run's result instead of starting their own.
actor SingleFlight<Value: Sendable> {
    private var running: [Digest: Task<Value, any Error>] = [:]
    private var joiners: [Digest: Int] = [:]

    /// How many callers are waiting on the run for `key` that another caller started.
    func joinerCount(_ key: Digest) -> Int { joiners[key, default: 0] }

    /// The value of `operation` for `key`, and whether it came from a run another caller started.
    func run(
        _ key: Digest, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, joined: Bool) {
        if let task = running[key] {
            joiners[key, default: 0] += 1
            defer { joiners[key] = nil }
            return (try await task.value, true)
        }
        let task = Task { try await operation() }
        running[key] = task
        defer { running[key] = nil }
        let value = try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
        return (value, false)
    }
}
