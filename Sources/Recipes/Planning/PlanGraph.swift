public import Basics

/// The compiled form of a recipe: one node per stage, edges from inputs, and a key per node.
///
/// Nodes are in topological order: every node comes after all of its inputs.
public struct PlanGraph: Sendable {
    public var recipeName: String
    public var recipeDigest: Digest
    public var nodes: [PlanNode]

    public init(recipeName: String, recipeDigest: Digest, nodes: [PlanNode]) {
        self.recipeName = recipeName
        self.recipeDigest = recipeDigest
        self.nodes = nodes
    }

    public func node(_ id: String) -> PlanNode? {
        nodes.first { $0.id == id }
    }

    /// Every `(from, to)` pair, in node order.
    public var edges: [(from: String, to: String)] {
        nodes.flatMap { node in node.inputs.map { (from: $0, to: node.id) } }
    }

    /// The ids of `id` and every node that depends on it, directly or not.
    public func downstream(of id: String) -> Set<String> {
        var result: Set<String> = [id]
        for node in nodes where node.inputs.contains(where: result.contains) {
            result.insert(node.id)
        }
        return result
    }
}

/// One stage of the plan.
public struct PlanNode: Sendable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case ingest, chunk, compose, seed, escalate, calibrate, dedup, emit
        case examIngest = "exam-ingest"
        case examChunk = "exam-chunk"
        case examCompose = "exam-compose"
        case examSeed = "exam-seed"
        case examEscalate = "exam-escalate"
        case examAdmit = "exam-admit"
        case examDedup = "exam-dedup"
        case examEmit = "exam-emit"

        /// Bumped when a stage's behaviour changes, so every key it made changes too.
        public var version: Int {
            switch self {
            // 2: lexical similarity without corpus-wide IDF.
            case .compose, .examCompose: 2
            default: 1
            }
        }
    }

    /// Unique within the plan: `ingest[0]`, `escalate`, `emit.sft`, `exam.admit`.
    public var id: String
    public var kind: Kind
    /// One line for people: what the node does with which settings.
    public var summary: String
    /// The ids of the nodes this one reads.
    public var inputs: [String]
    /// The readable JSON the key is the digest of (kind, version, configuration, prompts,
    /// models, tools, and the keys of the inputs), stored so `explain` can show what changed.
    public var keyDocument: JSONValue
    /// SHA-256 of the canonical JSON of `keyDocument`.
    public var key: Digest
    /// `keyDocument` without the inputs' keys: what the node itself does.
    public var localDocument: JSONValue
    /// SHA-256 of the canonical JSON of `localDocument`. A task key combines it with the digest
    /// of the task's input *content* rather than with the inputs' node keys, so an upstream
    /// change that leaves a task's input byte-identical leaves the task cached (early cutoff).
    public var localKey: Digest
}
