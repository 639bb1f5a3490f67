import Basics
public import Foundation
public import LanguageModels
import Synchronization

/// What a build has done so far, updated by the stages as they go and read by whatever shows
/// it (the live display, periodic lines, `--events ndjson`).
public final class BuildProgress: Sendable {
    /// Counts for one stage.
    public struct Stage: Sendable, Hashable, Codable {
        public var name: String
        /// Items (or units, chunks, records) finished.
        public var done = 0
        /// How many there are to do; 0 until known.
        public var total = 0
        public var failed = 0
        public var callsSent = 0
        public var callsCached = 0
        /// Tasks that ran, and tasks replayed from the task cache without running.
        public var tasksRun = 0
        public var tasksCached = 0
    }

    /// Counts for one model role.
    public struct Model: Sendable, Hashable, Codable {
        public var role: String
        public var sent = 0
        public var cached = 0
        public var truncated = 0
        public var failed = 0
        public var tokensIn = 0
        public var tokensOut = 0
        public var cost = 0.0
    }

    public struct Snapshot: Sendable {
        public var stages: [Stage]
        public var models: [Model]
        public var started: Date
        public var itemsTotal: Int
        public var itemsFinished: Int
        public var toolRuns: Int
        public var toolsCached: Int
        public var warnings: [String]

        /// Seconds left at the current pace, once some items have finished.
        public func eta(now: Date = Date()) -> Double? {
            guard itemsFinished > 0, itemsTotal > itemsFinished else { return nil }
            let elapsed = now.timeIntervalSince(started)
            return elapsed / Double(itemsFinished) * Double(itemsTotal - itemsFinished)
        }

        public var callsSent: Int { models.reduce(0) { $0 + $1.sent } }
        public var callsCached: Int { models.reduce(0) { $0 + $1.cached } }
        public var cost: Double { models.reduce(0) { $0 + $1.cost } }
        public var tokensIn: Int { models.reduce(0) { $0 + $1.tokensIn } }
        public var tokensOut: Int { models.reduce(0) { $0 + $1.tokensOut } }
    }

    /// One thing that happened, for `--events ndjson`.
    public enum Event: Sendable {
        case stageStarted(String, total: Int)
        case stageFinished(Stage)
        case itemFinished(id: String, bucket: String)
        case warning(String)
    }

    private struct State {
        var stages: [Stage] = []
        var models: [String: Model] = [:]
        var itemsTotal = 0
        var itemsFinished = 0
        var warnings: [String] = []
        var retryable = 0
    }

    private let state = Mutex(State())
    private let prices: [String: (input: Double, output: Double)]
    private let onEvent: (@Sendable (Event) -> Void)?
    public let started = Date()
    /// Tool calls run and replayed, read at snapshot time.
    let toolCounters = ToolCounters()

    /// A tracker pricing each role's tokens by `prices` (USD per million), calling `onEvent`
    /// for every event.
    public init(
        prices: [String: (input: Double, output: Double)] = [:],
        onEvent: (@Sendable (Event) -> Void)? = nil
    ) {
        self.prices = prices
        self.onEvent = onEvent
    }

    public func snapshot() -> Snapshot {
        let tools = toolCounters.value
        return state.withLock {
            Snapshot(
                stages: $0.stages, models: $0.models.values.sorted { $0.role < $1.role },
                started: started, itemsTotal: $0.itemsTotal, itemsFinished: $0.itemsFinished,
                toolRuns: tools.run, toolsCached: tools.cached, warnings: $0.warnings)
        }
    }

    // MARK: Updates from the stages

    func start(_ stage: String, total: Int) {
        state.withLock { state in
            if let index = state.stages.firstIndex(where: { $0.name == stage }) {
                // Started again (the exam fills its size in rounds): more work on top of what
                // is done.
                state.stages[index].total = state.stages[index].done + total
            } else {
                state.stages.append(Stage(name: stage, total: total))
            }
        }
        onEvent?(.stageStarted(stage, total: total))
    }

    func finishStage(_ stage: String) {
        let finished = state.withLock { state -> Stage? in
            guard let index = state.stages.firstIndex(where: { $0.name == stage }) else {
                return nil
            }
            state.stages[index].done = max(state.stages[index].done, state.stages[index].total)
            return state.stages[index]
        }
        if let finished { onEvent?(.stageFinished(finished)) }
    }

    func setItems(_ total: Int) {
        state.withLock { $0.itemsTotal = total }
    }

    func finish(_ stage: String, id: String, count: Int = 1) {
        update(stage) { $0.done += count }
    }

    /// A task of `stage` that ran (`cached` false) or was replayed from the store.
    func recordTask(stage: String, cached: Bool) {
        update(stage) { cached ? ($0.tasksCached += 1) : ($0.tasksRun += 1) }
    }

    func finishItem(id: String, bucket: Bucket) {
        state.withLock { $0.itemsFinished += 1 }
        onEvent?(.itemFinished(id: id, bucket: bucket.rawValue))
    }

    func fail(id: String) {
        update("items") { $0.failed += 1 }
    }

    /// Counts an item that failed for a reason the next build should try again (a call that
    /// ran out of attempts, a tool that could not start): nothing of its failing stage was
    /// stored.
    func failRetryably(id: String) {
        state.withLock { $0.retryable += 1 }
        fail(id: id)
    }

    /// Items that failed in a way the next build tries again.
    var retryableFailures: Int { state.withLock { $0.retryable } }

    func warn(_ message: String) {
        state.withLock { $0.warnings.append(message) }
        onEvent?(.warning(message))
    }

    func recordCall(stage: String, role: String, answer: CachedChatModel.Answer) {
        let usage = answer.completion.usage
        let price = prices[role]
        state.withLock { state in
            var model = state.models[role] ?? Model(role: role)
            if answer.cached {
                model.cached += 1
            } else {
                model.sent += 1
                let tokensIn = usage?.promptTokens ?? 0
                let tokensOut = usage?.completionTokens ?? 0
                model.tokensIn += tokensIn
                model.tokensOut += tokensOut
                if let price {
                    model.cost +=
                        (Double(tokensIn) * price.input + Double(tokensOut) * price.output)
                        / 1_000_000
                }
            }
            state.models[role] = model
        }
        update(stage) { answer.cached ? ($0.callsCached += 1) : ($0.callsSent += 1) }
    }

    /// An embeddings request sent (`cached` false) or a vector found in the store.
    func recordEmbedding(stage: String, role: String, cached: Bool) {
        state.withLock { state in
            var model = state.models[role] ?? Model(role: role)
            if cached { model.cached += 1 } else { model.sent += 1 }
            state.models[role] = model
        }
        update(stage) { cached ? ($0.callsCached += 1) : ($0.callsSent += 1) }
    }

    func recordCall(stage: String, role: String, truncated: Bool) {
        state.withLock { state in
            var model = state.models[role] ?? Model(role: role)
            model.truncated += 1
            state.models[role] = model
        }
    }

    func recordFailure(stage: String, role: String) {
        state.withLock { state in
            var model = state.models[role] ?? Model(role: role)
            model.failed += 1
            state.models[role] = model
        }
        update(stage) { $0.failed += 1 }
    }

    private func update(_ stage: String, _ change: (inout Stage) -> Void) {
        state.withLock { state in
            if let index = state.stages.firstIndex(where: { $0.name == stage }) {
                change(&state.stages[index])
            } else {
                var entry = Stage(name: stage)
                change(&entry)
                state.stages.append(entry)
            }
        }
    }
}
