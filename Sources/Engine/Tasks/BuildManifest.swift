public import Basics
import Foundation
import Recipes
public import Store

/// One output file of a build: where it went, the SHA-256 of its bytes, and its records.
public struct OutputManifest: Sendable, Hashable, Codable {
    public var name: String
    public var path: String
    public var digest: Digest
    public var records: Int
}

/// What a successful build made, recorded as a version: the plan's nodes with their key
/// documents, every task with its key and output, and the outputs.
public struct BuildManifest: Sendable, Codable {
    public struct Node: Sendable, Codable, Hashable {
        public var key: Digest
        public var local: JSONValue
        public var inputs: [String]
    }

    public var recipe: Digest
    public var recipeName: String
    public var nodes: [String: Node]
    public var tasks: [ManifestTask]
    public var outputs: [OutputManifest]

    init(plan: PlanGraph, tasks: [ManifestTask], outputs: [OutputManifest]) {
        recipe = plan.recipeDigest
        recipeName = plan.recipeName
        nodes = Dictionary(
            plan.nodes.map {
                ($0.id, Node(key: $0.key, local: $0.localDocument, inputs: $0.inputs))
            }
        ) { first, _ in first }
        self.tasks = tasks
        self.outputs = outputs
    }

}

extension Builder {
    /// Records the build as a version whose id is the digest of its manifest.
    func recordVersion(
        plan: PlanGraph, tasks: TaskRunner, outputs: [OutputManifest]
    )
        async throws
    {
        let manifest = BuildManifest(plan: plan, tasks: tasks.tasks, outputs: outputs)
        let digest = try await store.put(try JSONValue.canonical(manifest))
        try await store.record(
            VersionRecord(
                id: digest.prefix(16), recipe: plan.recipeDigest, manifest: digest,
                created: Date()))
    }
}
