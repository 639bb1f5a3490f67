internal import Foundation
internal import GRDB

/// Answers the point reads of many concurrent callers in shared read transactions: the read
/// side of group commit.
///
/// A read transaction costs far more than a point query inside one, so while a batch runs, new
/// queries queue and the next transaction answers them all. A few batches run at once, on
/// separate reader connections.
actor GroupReader {
    private struct Pending {
        let query: PointQuery
        let continuation: CheckedContinuation<PointQuery.Answer, any Error>
    }

    /// Batches running at once.
    static let maximumBatches = 2
    /// Queries one transaction answers at most.
    static let maximumQueries = 512

    private let pool: DatabasePool
    private let path: String
    private var queue: [Pending] = []
    private var running = 0

    init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    /// The answer to `query`, from a read transaction shared with other callers' queries.
    func answer(_ query: PointQuery) async throws -> PointQuery.Answer {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(query: query, continuation: continuation))
            if running < Self.maximumBatches {
                running += 1
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let count = min(queue.count, Self.maximumQueries)
            let batch = Array(queue.prefix(count))
            queue.removeFirst(count)
            let queries = batch.map(\.query)
            do {
                let answers = try await pool.read { db in try queries.map { try $0.run(db) } }
                for (pending, answer) in zip(batch, answers) {
                    pending.continuation.resume(returning: answer)
                }
            } catch {
                let failure = StoreError.database("read", path: path, error)
                for pending in batch { pending.continuation.resume(throwing: failure) }
            }
        }
        running -= 1
    }
}
