public import Basics
internal import Synchronization

/// Runs one operation per key at a time: callers that ask for a key already running wait for
/// that run's result instead of starting their own.
///
/// The first caller runs the operation itself, inline; later callers park on a continuation
/// until it finishes. A lock guards the table, so an uncontended call costs two lock round trips
/// and no task or actor hop.
final class SingleFlight<Value: Sendable>: Sendable {
    /// Continuations of callers waiting on a key's run; nil resumes a caller that arrived as the
    /// run finished, to try again.
    private typealias Waiter = CheckedContinuation<Value?, any Error>

    private let running = Mutex<[Digest: [Waiter]]>([:])

    /// How many callers are waiting on the run for `key` that another caller started.
    func joinerCount(_ key: Digest) -> Int { running.withLock { $0[key]?.count ?? 0 } }

    /// The value of `operation` for `key`, and whether it came from a run another caller started.
    func run(
        _ key: Digest, _ operation: () async throws -> Value
    ) async throws -> (value: Value, joined: Bool) {
        while true {
            let leads = running.withLock { table in
                guard table[key] == nil else { return false }
                table[key] = []
                return true
            }
            if leads {
                let result: Result<Value, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                let waiters = running.withLock { $0.removeValue(forKey: key) ?? [] }
                for waiter in waiters {
                    switch result {
                    case .success(let value): waiter.resume(returning: value)
                    case .failure(let error): waiter.resume(throwing: error)
                    }
                }
                return (try result.get(), false)
            }
            let joined: Value? = try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let parked = running.withLock { table in
                    guard table[key] != nil else { return false }
                    table[key]!.append(waiter)
                    return true
                }
                // The run finished between the check and now: go round again.
                if !parked { waiter.resume(returning: nil) }
            }
            if let joined { return (joined, true) }
        }
    }
}
