public import Basics
import Foundation
import Recipes
import Store

/// One output file of a build: where it went, the SHA-256 of its bytes, and its records.
public struct OutputManifest: Sendable, Hashable, Codable {
    public var name: String
    public var path: String
    public var digest: Digest
    public var records: Int

    public init(name: String, path: String, digest: Digest, records: Int) {
        self.name = name
        self.path = path
        self.digest = digest
        self.records = records
    }
}

/// What a successful build made, recorded as a version: the plan's nodes with their key
/// documents, every task with its key and output, and the outputs.
public struct BuildManifest: Sendable, Codable {
    public struct Node: Sendable, Codable, Hashable {
        public var key: Digest
        public var local: JSONValue
        public var inputs: [String]

        public init(key: Digest, local: JSONValue, inputs: [String]) {
            self.key = key
            self.local = local
            self.inputs = inputs
        }
    }

    public var recipe: Digest
    public var recipeName: String
    /// The recipe as it was written, so a version says what made it.
    public var recipeText: String
    public var nodes: [String: Node]
    public var tasks: [ManifestTask]
    public var outputs: [OutputManifest]
    /// Items per ZPD bucket.
    public var buckets: [String: Int]
    /// For a version recorded before record indexes were rows in the store: the blob listing
    /// every record (``VersionRecordEntry``, as a JSON array). Nil for the others.
    public var records: Digest?
    /// The digest of the version's record index (its rows in the store), so versions with
    /// different records have different manifests, hence ids.
    public var index: Digest?
    /// The digest of everything the build read (see `Builder.inputsDigest`); nil when an item
    /// failed in a way the next build tries again, so that build is never found up to date.
    var inputs: Digest?
    /// The figures of the closing report, for a build found up to date.
    var summary: ReportedSummary?

    init(
        plan: PlanGraph, recipeText: String, tasks: [ManifestTask], outputs: [OutputManifest],
        buckets: [String: Int]
    ) {
        self.init(
            recipe: plan.recipeDigest, recipeName: plan.recipeName, recipeText: recipeText,
            nodes: Dictionary(
                plan.nodes.map {
                    ($0.id, Node(key: $0.key, local: $0.localDocument, inputs: $0.inputs))
                }
            ) { first, _ in first }, tasks: tasks, outputs: outputs, buckets: buckets)
    }

    /// A manifest; ``VersionCatalog/record(_:manifest:in:created:)`` fills in its index.
    public init(
        recipe: Digest, recipeName: String, recipeText: String, nodes: [String: Node],
        tasks: [ManifestTask], outputs: [OutputManifest], buckets: [String: Int]
    ) {
        self.recipe = recipe
        self.recipeName = recipeName
        self.recipeText = recipeText
        self.nodes = nodes
        self.tasks = tasks
        self.outputs = outputs
        self.buckets = buckets
    }

}

extension Builder {
    /// Records the build as a version whose id is the digest of its manifest: every record's
    /// body, the manifest and the record index (rows) go to the store. A build equal to an earlier one
    /// is that version again (its time moves, its tag stays).
    func recordVersion(
        plan: PlanGraph, tasks: TaskRunner, outputs: [OutputManifest],
        made: [String: [VersionIndex.Made]], buckets: [Bucket: Int], inputs: Digest,
        summary: BuildSummary
    ) async throws {
        let entries = try await VersionIndex.store(made, tasks: tasks.visits, in: store)
        var manifest = BuildManifest(
            plan: plan,
            recipeText: (try? String(contentsOfFile: recipe.file, encoding: .utf8)) ?? "",
            tasks: tasks.tasks, outputs: outputs,
            buckets: Dictionary(uniqueKeysWithValues: buckets.map { ($0.key.rawValue, $0.value) }))
        // A build in which an item failed for a passing reason is not up to date whatever it
        // read: the next build walks its tasks, and the failed stages run again.
        manifest.inputs = progress.retryableFailures == 0 ? inputs : nil
        manifest.summary = ReportedSummary(
            units: summary.units, unitsWanted: summary.unitsWanted,
            candidates: summary.candidates,
            draws: summary.draws.map {
                ReportedSummary.Draw(discipline: $0.discipline, wanted: $0.wanted, drawn: $0.drawn)
            }, sftWithoutCleanTrajectory: summary.sftWithoutCleanTrajectory, exam: summary.exam)
        _ = try await VersionCatalog.record(entries, manifest: manifest, in: store)
    }
}
