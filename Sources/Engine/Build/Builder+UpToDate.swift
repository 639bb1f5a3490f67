import Basics
import Foundation
import Recipes
import Store

/// What a version says for the closing report when it is found up to date without running.
struct ReportedSummary: Sendable, Hashable, Codable {
    struct Draw: Sendable, Hashable, Codable {
        var discipline: String
        var wanted: Int
        var drawn: Int
    }

    var units: Int
    var unitsWanted: Int
    var candidates: Int
    var draws: [Draw]
    var sftWithoutCleanTrajectory: Int
    var exam: ExamSummary?
}

extension Builder {
    /// The digest of everything a build reads: every plan node's key (configuration, prompts,
    /// models, tools), `--limit`, and the path and bytes of every corpus file.
    func inputsDigest(_ plan: PlanGraph) throws -> Digest {
        var parts: [JSONValue] = plan.nodes.map { .string($0.id + " " + $0.key.hex) }
        parts.append(.string("limit \(options.limit.map(String.init) ?? "none")"))
        let sources = recipe.corpus + (recipe.exam?.corpus ?? [])
        for source in sources {
            for path in Glob(source.path.value).files(in: source.baseDirectory) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    parts.append(.string(path + " unreadable"))
                    continue
                }
                parts.append(.string(path + " " + Digest(of: [UInt8](data)).hex))
            }
        }
        return Digest(of: try JSONValue.array(parts).canonicalBytes())
    }

    /// The summary of the last build when it read exactly these inputs and every output file
    /// still holds what it wrote: then nothing can have changed, and nothing runs (the way
    /// `make` trusts what it built). Otherwise nil, and the build walks its tasks.
    func upToDate(_ plan: PlanGraph, inputs: Digest) async throws -> BuildSummary? {
        guard let (version, manifest) = try await upToDateVersion(plan, inputs: inputs),
            let reported = manifest.summary
        else { return nil }
        for task in manifest.tasks {
            progress.recordTask(stage: Self.stage(ofNode: task.node), cached: true)
        }
        try await store.record(
            VersionRecord(
                id: version.id, recipe: version.recipe, manifest: version.manifest,
                created: Date()))
        try await store.record(
            BuildRecord(
                id: UUID().uuidString, started: progress.started, finished: Date(),
                callsSent: 0, callsCached: 0))
        var buckets: [Bucket: Int] = [:]
        for (name, count) in manifest.buckets {
            if let bucket = Bucket(rawValue: name) { buckets[bucket] = count }
        }
        var outputs = recipe.outputs.all.map { ($0.name, $0.file.resolvedPath) }
        if let exam = recipe.exam { outputs.append(("exam", exam.resolvedOutput)) }
        return BuildSummary(
            units: reported.units, unitsWanted: reported.unitsWanted,
            candidates: reported.candidates,
            draws: reported.draws.map { ($0.discipline, $0.wanted, $0.drawn) },
            items: buckets.values.reduce(0, +), buckets: buckets,
            sftWithoutCleanTrajectory: reported.sftWithoutCleanTrajectory,
            progress: progress.snapshot(), outputs: outputs, outcomes: [], exam: reported.exam,
            records: Dictionary(
                manifest.outputs.map { ($0.name, $0.records) }, uniquingKeysWith: { a, _ in a }),
            changedOutputs: [])
    }

    /// The last version of the recipe, when it read exactly `inputs` and every output file
    /// still has the SHA-256 it recorded.
    func upToDateVersion(
        _ plan: PlanGraph, inputs: Digest
    ) async throws -> (VersionRecord, BuildManifest)? {
        guard
            let (version, manifest) = try await BuildManifest.latest(
                named: plan.recipeName, in: store),
            manifest.inputs == inputs
        else { return nil }
        for output in manifest.outputs {
            guard let data = FileManager.default.contents(atPath: output.path),
                Digest(of: [UInt8](data)) == output.digest
            else { return nil }
        }
        return (version, manifest)
    }

    /// The progress row a node's tasks are counted under.
    static func stage(ofNode node: String) -> String {
        node.hasPrefix("emit.") || node == "exam.emit" ? "emit" : node
    }
}
