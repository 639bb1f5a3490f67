internal import Synchronization

/// A store's counters, shared by its read paths and its writer.
final class CounterBox: Sendable {
    private let state = Mutex(StoreCounters())

    /// The counters now.
    var value: StoreCounters { state.withLock { $0 } }

    /// Changes the counters.
    func update(_ change: (inout StoreCounters) -> Void) {
        state.withLock { change(&$0) }
    }
}
