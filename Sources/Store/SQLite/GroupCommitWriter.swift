internal import Foundation
internal import GRDB

/// Commits the writes of many concurrent callers in few transactions (group commit).
///
/// Callers wait on ``commit(_:)``; while one transaction runs, new writes queue, and the next
/// transaction takes everything queued. Each caller resumes only after the transaction holding
/// its writes has committed, so a crash loses at most writes whose callers are still waiting.
actor GroupCommitWriter {
    private struct Submission {
        let writes: [PendingWrite]
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// A transaction takes at most this many submissions…
    static let maximumSubmissions = 2_048
    /// …and stops taking more once it carries this many bytes.
    static let maximumBytes = 32 << 20

    private let pool: DatabasePool
    private let path: String
    private let clock: @Sendable () -> Date
    private let counters: CounterBox
    private var queue: [Submission] = []
    private var isFlushing = false

    init(
        pool: DatabasePool, path: String, clock: @escaping @Sendable () -> Date,
        counters: CounterBox
    ) {
        self.pool = pool
        self.path = path
        self.clock = clock
        self.counters = counters
    }

    /// Writes `writes` in one transaction (shared with other callers' writes) and returns once
    /// it has committed. Once queued, the writes commit even if the caller is cancelled.
    func commit(_ writes: [PendingWrite]) async throws {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Submission(writes: writes, continuation: continuation))
            if !isFlushing {
                isFlushing = true
                Task { await flush() }
            }
        }
    }

    private func flush() async {
        while !queue.isEmpty {
            let batch = takeBatch()
            let writes = batch.flatMap(\.writes)
            let created = clock().timeIntervalSince1970
            do {
                try await pool.write { db in
                    for write in writes { try write.apply(db, created: created) }
                }
                counters.update {
                    $0.transactions += 1
                    $0.writes += batch.count
                }
                for submission in batch { submission.continuation.resume() }
            } catch {
                // The writes are idempotent upserts that satisfy every constraint, so a failed
                // transaction is the environment's doing (disk full, lock timeout): every
                // caller in it hears about it.
                let failure = StoreError.database("write to", path: path, error)
                for submission in batch { submission.continuation.resume(throwing: failure) }
            }
        }
        isFlushing = false
    }

    private func takeBatch() -> [Submission] {
        var count = 0
        var bytes = 0
        for submission in queue {
            guard count < Self.maximumSubmissions, bytes < Self.maximumBytes else { break }
            count += 1
            bytes += submission.writes.reduce(0) { $0 + $1.size }
        }
        let batch = Array(queue.prefix(count))
        queue.removeFirst(count)
        return batch
    }
}
