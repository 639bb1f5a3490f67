public import Basics
public import Foundation
public import LanguageModels
public import Recipes
public import Store

/// Where a recipe stands against its last build, like `git status` for the dataset: per plan
/// node, how many tasks are up to date, stale (and why) or new, and what a build would send.
///
/// It comes from a dry run of the build (``BuildOptions/dryRun``): tasks whose keys are stored
/// are replayed, the rest run with cached calls where they exist and the simulator standing in
/// for the calls that are not, so the tasks below a changed one are walked too. Against the
/// simulator (in process or `frontier serve-sim`) the forecast is exact; against a real model
/// the stand-in's answers shape the walk, so counts below the first changed task are an
/// estimate.
public struct BuildStatus: Sendable {
    /// The build compared against.
    public struct Baseline: Sendable {
        public var version: String
        public var created: Date
    }

    /// One reason tasks of a node are stale, and how many tasks it applies to.
    public struct Reason: Sendable, Hashable {
        public var text: String
        public var tasks: Int
    }

    /// A plan node's tasks.
    public struct Node: Sendable {
        public var id: String
        public var upToDate = 0
        public var stale = 0
        public var new = 0
        /// Tasks of the last build this build would not have (units no longer drawn).
        public var gone = 0
        /// Differences of the node's own key from the last build (configuration, prompts,
        /// models, tools), one line each.
        public var components: [String] = []
        /// Why stale tasks are stale, beyond `components`: their inputs, most common first.
        public var inputs: [Reason] = []

        public var toRun: Int { stale + new }
    }

    /// One task that would run, and why.
    public struct Change: Sendable {
        public var node: String
        public var item: String
        public var isNew: Bool
        public var reasons: [String]
    }

    /// What one model would be asked.
    public struct ModelForecast: Sendable {
        public var role: String
        public var model: String
        public var cached: Int
        public var toSend: Int
        /// Prompt tokens of the calls to send (about one per three characters).
        public var tokensIn: Int
        /// Completion tokens of the calls to send: the mean of this model's cached answers
        /// when there are any, else the `max_tokens` bound.
        public var tokensOut: Int
        /// Whether `tokensOut` is the `max_tokens` bound rather than a mean of cached answers.
        public var tokensOutIsBound: Bool
        /// From the model's `price`; nil without one.
        public var cost: Double?
    }

    public var recipeName: String
    public var baseline: Baseline?
    /// Nodes with tasks, in plan order.
    public var nodes: [Node]
    /// Every task that would run.
    public var changes: [Change]
    public var models: [ModelForecast]
    /// Output files whose bytes would change.
    public var changedOutputs: [String]

    public var upToDate: Bool {
        nodes.allSatisfy { $0.toRun == 0 && $0.gone == 0 } && changedOutputs.isEmpty
    }

    public var callsToSend: Int { models.reduce(0) { $0 + $1.toSend } }
}

extension BuildStatus {
    /// The status of `recipe` against the last build recorded in `store`; sends nothing and
    /// changes neither the store nor any output file.
    public static func of(
        _ recipe: Recipe, store: any StoreBackend, session: HTTPSession, options: BuildOptions
    ) async throws -> BuildStatus {
        var options = options
        options.dryRun = true
        options.budget = nil
        options.offline = false
        let plan = try Planner.builtIn().plan(recipe)
        let builder = Builder(
            recipe: recipe, store: store, session: session, options: options,
            progress: BuildProgress())
        if let (version, manifest) = try await builder.upToDateVersion(
            plan, inputs: try builder.inputsDigest(plan))
        {
            return BuildStatus(upToDate: plan, version: version, manifest: manifest)
        }
        let summary = try await builder.run()
        let baseline = try await BuildManifest.latest(named: plan.recipeName, in: store)
        return try await BuildStatus(
            recipe: recipe, plan: plan, summary: summary, baseline: baseline, store: store)
    }

    /// Everything up to date: the last build read the same inputs and its files are intact.
    init(upToDate plan: PlanGraph, version: VersionRecord, manifest: BuildManifest) {
        recipeName = plan.recipeName
        baseline = Baseline(version: version.id, created: version.created)
        var counts: [String: Int] = [:]
        for task in manifest.tasks { counts[task.node, default: 0] += 1 }
        nodes = plan.nodes.compactMap { node in
            counts[node.id].map { Node(id: node.id, upToDate: $0) }
        }
        changes = []
        models = []
        changedOutputs = []
    }

    init(
        recipe: Recipe, plan: PlanGraph, summary: BuildSummary,
        baseline: (version: VersionRecord, manifest: BuildManifest)?, store: any StoreBackend
    ) async throws {
        recipeName = plan.recipeName
        self.baseline = baseline.map {
            Baseline(version: $0.version.id, created: $0.version.created)
        }
        var previous: [String: ManifestTask] = [:]
        for task in baseline?.manifest.tasks ?? [] {
            previous[task.node + "\u{0}" + task.item] = task
        }
        // Each node's own key differences, once per node (every stale task of it shares them).
        var components: [String: [String]] = [:]
        for node in plan.nodes {
            guard let old = baseline?.manifest.nodes[node.id]?.local else { continue }
            components[node.id] = KeyChange.components(
                of: node.id, kind: node.kind, old: old, new: node.localDocument, recipe: recipe)
        }
        var nodes: [String: Node] = [:]
        var reasonCounts: [String: [String: Int]] = [:]
        var changes: [Change] = []
        var seen: Set<String> = []
        for visit in summary.tasks {
            let task = visit.task
            let slot = task.node + "\u{0}" + task.item
            seen.insert(slot)
            var node = nodes[task.node] ?? Node(id: task.node)
            if visit.cached {
                node.upToDate += 1
            } else if let before = previous[slot] {
                node.stale += 1
                node.components = components[task.node] ?? []
                var reasons = node.components
                if let stored = try await store.lookup(task: before.key),
                    let old = JSONValue.parse(Array(stored.keyJSON.utf8))
                {
                    let lines = KeyChange.inputs(
                        old: old["input"] ?? .null, new: visit.key["input"] ?? .null)
                    for line in lines {
                        reasonCounts[task.node, default: [:]][line, default: 0] += 1
                    }
                    reasons += lines
                }
                changes.append(
                    Change(node: task.node, item: task.item, isNew: false, reasons: reasons))
            } else {
                node.new += 1
                changes.append(
                    Change(
                        node: task.node, item: task.item, isNew: true,
                        reasons: [Self.newTaskReason(visit.key["input"])]))
            }
            nodes[task.node] = node
        }
        for (slot, task) in previous where !seen.contains(slot) {
            nodes[task.node, default: Node(id: task.node)].gone += 1
        }
        for (id, counts) in reasonCounts {
            nodes[id]?.inputs = counts.map { Reason(text: $0.key, tasks: $0.value) }
                .sorted { $0.tasks != $1.tasks ? $0.tasks > $1.tasks : $0.text < $1.text }
        }
        let order = plan.nodes.map(\.id)
        self.nodes = order.compactMap { nodes[$0] }
        self.changes = changes
        changedOutputs = summary.changedOutputs
        models = summary.calls.keys.sorted().compactMap { role in
            guard let statistics = summary.calls[role], statistics.sent + statistics.cached > 0,
                let settings = recipe.model(named: role)
            else { return nil }
            return Self.forecast(role: role, settings: settings, statistics: statistics)
        }
    }

    /// Why a task is new: the last build had none for its item; a unit's chunks say which.
    private static func newTaskReason(_ input: JSONValue?) -> String {
        guard case .object(let chunks)? = input?["chunks"], !chunks.isEmpty else {
            return "new: the last build had no such task"
        }
        return "new: a unit of " + chunks.keys.sorted().joined(separator: ", ")
    }

    private static func forecast(
        role: String, settings: Recipe.Model, statistics: CallStatistics
    ) -> ModelForecast {
        let bound = statistics.cached == 0
        let tokensOut =
            bound
            ? statistics.tokensOut
            : statistics.sent * statistics.cachedTokensOut / statistics.cached
        let cost = settings.price.map {
            (Double(statistics.tokensIn) * $0.input + Double(tokensOut) * $0.output) / 1_000_000
        }
        return ModelForecast(
            role: role, model: settings.model.value, cached: statistics.cached,
            toSend: statistics.sent, tokensIn: statistics.tokensIn, tokensOut: tokensOut,
            tokensOutIsBound: bound, cost: cost)
    }
}

extension BuildManifest {
    /// The newest version recorded for a recipe named `name`, with its manifest.
    static func latest(
        named name: String, in store: any StoreBackend
    ) async throws -> (version: VersionRecord, manifest: BuildManifest)? {
        for version in try await store.versions().sorted(by: { $0.created > $1.created }) {
            guard let bytes = try await store.get(version.manifest),
                let manifest = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes)),
                manifest.recipeName == name
            else { continue }
            return (version, manifest)
        }
        return nil
    }
}
