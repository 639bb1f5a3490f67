internal import Basics
internal import Synchronization

/// The simulator server's shared counters, request log and per-body arrival counts, updated
/// from every event loop under one short-held lock (never across I/O).
final class RequestRecorder: Sendable {
    private struct State {
        var statistics = ServerStatistics()
        var log: [LoggedRequest] = []
        var arrivals: [Digest: Int] = [:]
    }

    private let state = Mutex(State())
    private let schedule: FaultSchedule

    init(schedule: FaultSchedule) {
        self.schedule = schedule
    }

    /// Records a request on `route` whose whole body, with digest `body`, has arrived, and
    /// returns the fault to inject. Only `faultable` requests advance the body's arrival count
    /// and may be faulted.
    func arrived(route: LoggedRequest.Route, body: Digest, faultable: Bool) -> Fault? {
        state.withLock { state in
            state.statistics.requests += 1
            switch route {
            case .chatCompletions: state.statistics.chatCompletions += 1
            case .embeddings: state.statistics.embeddings += 1
            case .models: state.statistics.models += 1
            case .other: break
            }
            var fault: Fault?
            if faultable {
                let arrival = state.arrivals[body, default: 0] + 1
                state.arrivals[body] = arrival
                fault = schedule.fault(forBody: body, arrival: arrival)
                if let fault { state.statistics.faults[fault, default: 0] += 1 }
            }
            state.log.append(LoggedRequest(route: route, bodySHA256: body, fault: fault))
            return fault
        }
    }

    /// Records a response status written.
    func responded(status: Int) {
        state.withLock { $0.statistics.statuses[status, default: 0] += 1 }
    }

    /// Records an accepted connection.
    func connected() {
        state.withLock { $0.statistics.connections += 1 }
    }

    var statistics: ServerStatistics {
        state.withLock { $0.statistics }
    }

    var log: [LoggedRequest] {
        state.withLock { $0.log }
    }

    /// Forgets everything, arrival counts included, so the server behaves as if fresh.
    func reset() {
        state.withLock { $0 = State() }
    }
}
