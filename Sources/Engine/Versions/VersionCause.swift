public import Basics
import Foundation
import Recipes
public import Store

/// Why a record differs between two versions, named as the recipe names it.
///
/// The cause is the first stage of the record's lineage (seed, escalate, calibrate, dedup)
/// whose task key differs, and within it the components of the stage's own key that differ
/// (`escalation.prompt`, `models.judge`), or, when the stage's settings are equal, what changed
/// in its input (`input: chunk corpus/physics/optics.md#2 changed`). A record whose lineage is
/// equal changed through the recipe digest every record carries: it is put down to the
/// recipe's changed components, or to `recipe text` when only the text moved.
public struct VersionCause: Sendable {
    let old: Version
    let new: Version
    let store: any StoreBackend
    /// The recipe components that differ between the versions, over every stage.
    public let recipeChanges: [String]
    /// The components of each lineage stage's own key that differ, worked out once.
    private let stageComponents: [String: [String]]

    public init(from old: Version, to new: Version, store: any StoreBackend) {
        self.old = old
        self.new = new
        self.store = store
        var names: [String] = []
        for id in Set(old.manifest.nodes.keys).union(new.manifest.nodes.keys).sorted() {
            for line in Self.components(id, old: old, new: new) {
                let name = KeyChange.componentName(line)
                if !names.contains(name) { names.append(name) }
            }
        }
        recipeChanges = names
        stageComponents = Dictionary(
            uniqueKeysWithValues: VersionIndex.stages.map {
                ($0, Self.components($0, old: old, new: new))
            })
    }

    /// The cause of the difference between `before` and `after` (the same record, or the same
    /// item's records in two outputs).
    public func cause(
        _ before: VersionRecordEntry, _ after: VersionRecordEntry
    ) async -> String {
        await cause(lineage: before.lineage, after.lineage)
    }

    /// The cause of the difference between two records with these lineages.
    public func cause(lineage before: [String: Digest], _ after: [String: Digest]) async -> String {
        for stage in VersionIndex.stages where before[stage] != after[stage] {
            guard let was = before[stage], let now = after[stage] else {
                return "\(stage) (ran in one version only)"
            }
            let lines = stageComponents[stage] ?? []
            if !lines.isEmpty {
                return Self.unique(lines.map(KeyChange.componentName)).joined(separator: ", ")
            }
            let inputs = await inputChanges(was, now)
            return inputs.isEmpty ? "\(stage): input changed" : inputs.joined(separator: "; ")
        }
        return recipeChanges.isEmpty ? "recipe text" : recipeChanges.joined(separator: ", ")
    }

    private func inputChanges(_ was: Digest, _ now: Digest) async -> [String] {
        guard let before = try? await store.lookup(task: was),
            let after = try? await store.lookup(task: now),
            let old = JSONValue.parse(Array(before.keyJSON.utf8)),
            let new = JSONValue.parse(Array(after.keyJSON.utf8))
        else { return [] }
        return KeyChange.inputs(old: old["input"] ?? .null, new: new["input"] ?? .null)
    }

    private static func components(_ id: String, old: Version, new: Version) -> [String] {
        guard let before = old.manifest.nodes[id]?.local, let after = new.manifest.nodes[id]?.local,
            let kind = after["kind"]?.stringValue.flatMap(PlanNode.Kind.init(rawValue:))
        else { return [] }
        return KeyChange.components(of: id, kind: kind, old: before, new: after, recipe: nil)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen
    }
}
