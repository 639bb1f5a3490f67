public import Basics
import Foundation
public import Recipes
import Store
import Synchronization

/// The key of one task: a plan node applied to one item's input.
public struct TaskKey: Sendable, Hashable {
    /// `{"node": <the node's local key>, "input": <what the task reads, by content>}`.
    public let document: JSONValue
    public let digest: Digest
    let json: String

    /// The key of `node`'s task over `input`: the node's own key (not its inputs' node keys)
    /// and the input's content, so equal input means an equal key whatever ran upstream.
    public init(node: PlanNode, input: JSONValue) throws {
        document = ["node": .string(node.localKey.hex), "input": input]
        json = try document.canonicalString()
        digest = Digest(of: json)
    }
}

/// One task of a build, as its manifest lists it.
public struct ManifestTask: Sendable, Hashable, Codable {
    public var node: String
    public var item: String
    public var key: Digest
    public var output: Digest
}

/// One task as a build met it: replayed from the store, or run.
public struct TaskVisit: Sendable {
    public var task: ManifestTask
    /// What the key was made of: the node's local key and the input.
    public var key: JSONValue
    /// Whether it was replayed rather than run.
    public var cached: Bool
}

/// Runs tasks through the task cache: a task whose key is stored (with an output that
/// verifies) is replayed without running; otherwise it runs and its output is recorded. Every
/// task of the build is listed for the build's manifest.
final class TaskRunner: Sendable {
    let store: any TaskCache
    let progress: BuildProgress
    private let listed = Mutex<[TaskVisit]>([])

    init(store: any TaskCache, progress: BuildProgress) {
        self.store = store
        self.progress = progress
    }

    /// What a task produced, and its output's digest (the next task's input content).
    struct Outcome<Output: Sendable>: Sendable {
        var output: Output
        var digest: Digest
    }

    /// The output of `node`'s task for `item` over `input`: replayed from the store, or made by
    /// `body` and recorded. `stage` is the progress row to count it under.
    func run<Output: Codable & Sendable>(
        _ node: PlanNode, item: String, input: JSONValue, stage: String? = nil,
        _ body: () async throws -> Output
    ) async throws -> Outcome<Output> {
        let key = try TaskKey(node: node, input: input)
        let row = stage ?? node.id
        if let cached = try await store.lookup(task: key.digest),
            let output = try? JSONDecoder().decode(Output.self, from: Data(cached.output))
        {
            list(node, item: item, key: key, output: cached.outputDigest, cached: true)
            progress.recordTask(stage: row, cached: true)
            return Outcome(output: output, digest: cached.outputDigest)
        }
        let output = try await body()
        let bytes = try JSONValue.canonical(output)
        try await store.record(TaskRecord(keyJSON: key.json, node: node.id, output: bytes))
        let digest = Digest(of: bytes)
        list(node, item: item, key: key, output: digest, cached: false)
        progress.recordTask(stage: row, cached: false)
        return Outcome(output: output, digest: digest)
    }

    private func list(
        _ node: PlanNode, item: String, key: TaskKey, output: Digest, cached: Bool
    ) {
        let task = ManifestTask(node: node.id, item: item, key: key.digest, output: output)
        listed.withLock {
            $0.append(TaskVisit(task: task, key: key.document, cached: cached))
        }
    }

    /// Every task run or replayed so far, by node then item.
    var visits: [TaskVisit] {
        listed.withLock { $0 }.sorted {
            ($0.task.node, $0.task.item) < ($1.task.node, $1.task.item)
        }
    }

    /// Every task run or replayed so far, by node then item.
    var tasks: [ManifestTask] { visits.map(\.task) }
}

extension JSONValue {
    /// The digest of the canonical JSON of `value`.
    static func digest(of value: some Encodable) throws -> Digest {
        Digest(of: try JSONValue.canonical(value))
    }
}
