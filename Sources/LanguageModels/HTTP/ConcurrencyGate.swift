internal import Synchronization

/// At most `limit` holders at once; the rest wait in arrival order.
///
/// A lock guards the count, so taking a free place costs no suspension. A waiter that is
/// cancelled leaves the queue and throws `CancellationError`.
final class ConcurrencyGate: Sendable {
    private typealias Waiter = CheckedContinuation<Void, any Error>

    private struct State {
        var holders = 0
        var waiters: [(id: Int, continuation: Waiter)] = []
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a place, then holds it until `release()`.
    func acquire() async throws {
        let id: Int? = state.withLock { state in
            if state.holders < limit, state.waiters.isEmpty {
                state.holders += 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let outcome: Result<Void, CancellationError>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if state.holders < limit, state.waiters.isEmpty {
                        state.holders += 1
                        return .success(())
                    }
                    state.waiters.append((id, waiter))
                    return nil
                }
                if let outcome { waiter.resume(with: outcome) }
            }
        } onCancel: {
            cancel(id)
        }
    }

    /// Gives a place back, handing it to the longest waiter if there is one.
    func release() {
        let next: Waiter? = state.withLock { state in
            if state.waiters.isEmpty {
                state.holders -= 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume()
    }

    private func cancel(_ id: Int) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else {
                state.cancelled.insert(id)
                return nil
            }
            return state.waiters.remove(at: index).continuation
        }
        waiter?.resume(throwing: CancellationError())
    }
}
