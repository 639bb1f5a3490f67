import Basics
import Engine
import Foundation
import Store

extension DiffScenario {
    /// The lineage stages of the generated records, in pipeline order, each with what of its
    /// node's key the new version changes, so each change has a named cause.
    static let stages: [(stage: String, changed: String, value: String)] = [
        ("seed", "prompts", "seed"), ("escalate", "prompts", "escalate"),
        ("calibrate", "models", "judge"),
    ]

    /// Writes the two versions into a new store at `path` as a build records them
    /// (``VersionCatalog/record(_:manifest:in:created:)``: rows, lineages, manifest, version),
    /// one after the other; returns their record counts. Record bodies are not stored: the
    /// diff reads none.
    static func write(records: Int, into path: String) async throws -> (old: Int, new: Int) {
        let store = try SQLiteStore(path: path)
        let created = Date(timeIntervalSince1970: 1_767_225_600)
        var counts: [Int] = []
        for side in 0..<2 {
            let entries = versions(records: records, side: side)
            counts.append(entries.count)
            _ = try await VersionCatalog.record(
                entries, manifest: manifest(side, entries), in: store,
                created: created.addingTimeInterval(Double(side) * 60))
        }
        return (counts[0], counts[1])
    }

    /// A manifest whose plan has the three stages; the new one (side 1) changes a prompt of
    /// seed and escalate and calibrate's judge model.
    static func manifest(_ side: Int, _ entries: [VersionRecordEntry]) -> BuildManifest {
        var nodes: [String: BuildManifest.Node] = [:]
        for stage in stages {
            let local = JSONValue.object([
                "kind": .string(stage.stage),
                stage.changed: .object([stage.value: .string("\(stage.value)-\(side)")]),
            ])
            nodes[stage.stage] = BuildManifest.Node(
                key: Digest(of: "\(stage.stage)-\(side)"), local: local, inputs: [])
        }
        let outputs = Dictionary(grouping: entries, by: \.output).keys.sorted().map { name in
            OutputManifest(
                name: name, path: "out/bench/\(name).jsonl", digest: Digest(of: name),
                records: entries.lazy.filter { $0.output == name }.count)
        }
        return BuildManifest(
            recipe: Digest(of: "recipe-\(side)"), recipeName: "bench", recipeText: "",
            nodes: nodes, tasks: [], outputs: outputs, buckets: [:])
    }

    /// One side of the two versions, by output then id: the old one (side 0) of `records`
    /// records over three outputs; the new one (side 1) with 1% of them changed (a stage's task
    /// key in the lineage differs), 0.5% removed, as many added, and 0.1% of items moved to
    /// another output.
    static func versions(records: Int, side: Int) -> [VersionRecordEntry] {
        let disciplines = ["physics", "biology", "economics"]
        let base = Dictionary(
            uniqueKeysWithValues: stages.map { ($0.stage, Digest(of: "base-\($0.stage)")) })
        let variants = stages.map { stage in
            base.merging([stage.stage: Digest(of: "changed-\(stage.stage)")]) { $1 }
        }
        // FRONTIER_BENCH_UNIQUE_LINEAGE=1 gives every record its own task keys (64 hex digits a
        // stage), as a real version's records have; by default they share one small lineage.
        let uniqueLineage =
            ProcessInfo.processInfo.environment["FRONTIER_BENCH_UNIQUE_LINEAGE"] == "1"
        func digest(_ index: Int, _ salt: UInt64) -> Digest {
            withUnsafeBytes(of: (UInt64(index) &* 0x9E37_79B9_7F4A_7C15) ^ salt) { Digest(of: $0) }
        }
        func lineage(_ index: Int) -> [String: Digest] {
            guard uniqueLineage else { return base }
            return Dictionary(
                uniqueKeysWithValues: stages.enumerated().map { offset, stage in
                    (stage.stage, digest(index, UInt64(offset + 7)))
                })
        }
        func placed(_ index: Int, in output: String) -> VersionRecordEntry {
            // A 12-digit hex id, as stable ids derived from an item's origin look.
            let hex = String((UInt64(index) &* 0x2545_F491_4F6C_DD1D) & 0xFFFF_FFFF_FFFF, radix: 16)
            let item = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
            return VersionRecordEntry(
                output: output, id: output == "cpt" ? item + "/r1" : item, item: item,
                discipline: disciplines[index % 3],
                bucket: ["sft": "zpd", "cpt": "too-easy", "review": "too-hard"][output],
                digest: digest(index, 0), lineage: lineage(index))
        }
        func output(_ index: Int) -> String {
            switch index % 20 {
            case 0..<12: "sft"
            case 12..<17: "cpt"
            default: "review"
            }
        }
        var entries: [VersionRecordEntry] = []
        entries.reserveCapacity(records + records / 100)
        var random = SplitMix64(seed: 11)
        var removed = 0
        for index in 0..<records {
            let record = placed(index, in: output(index))
            guard side == 1 else {
                entries.append(record)
                continue
            }
            var updated = record
            switch random.below(1000) {
            case 0..<5:
                removed += 1
                continue
            case 5..<15:
                let variant = random.below(variants.count)
                updated.digest = digest(index, 1)
                updated.lineage = variants[variant]
            case 15:
                let to = ["sft": "cpt", "cpt": "sft", "review": "cpt"][record.output] ?? "cpt"
                updated = placed(index, in: to)
                updated.lineage = variants[2]
            default:
                break
            }
            entries.append(updated)
        }
        for index in records..<(records + removed) {
            entries.append(placed(index, in: output(index)))
        }
        entries.sort { ($0.output, $0.id) < ($1.output, $1.id) }
        return entries
    }
}
