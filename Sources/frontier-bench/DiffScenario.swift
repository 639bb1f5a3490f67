import Basics
import DatasetDiff
import Foundation

/// `diff-1m`: `frontier diff` of two generated versions of 1,000,000 records each (1% changed,
/// 0.5% added, 0.5% removed, 0.1% of items moved between outputs), timing the `--stat` path
/// (compare and summary) and the `--format json` path (compare, groups by cause from the
/// records' lineage, and the JSON of summary and groups with every changed id). Generating the
/// versions is not counted; peak memory is measured from the generated versions on.
struct DiffScenario: Scenario {
    let name = "diff-1m"
    let summary = "record-level diff of two 1,000,000-record versions (--stat and --format json)"
    var records = 1_000_000

    func run() async throws -> [Figure] {
        let (old, new) = Self.versions(records: records)
        let inputs = Self.residentMegabytes()
        #if DEBUG
        let runs = 1
        #else
        let runs = 3
        #endif
        var statLine = ""
        let (statSeconds, statPeak) = try Self.measure(runs: runs) {
            let result = DatasetDiff.compare(old: old, new: new)
            let text = result.summary.text()
            statLine = String(text.prefix { $0 != "\n" })
        }
        var jsonBytes = 0
        var groups = 0
        let (jsonSeconds, jsonPeak) = try Self.measure(runs: runs) {
            let result = DatasetDiff.compare(old: old, new: new)
            let report = DiffReport(result, cause: Self.cause)
            let json = try report.json().prettyString()
            jsonBytes = json.utf8.count
            groups = report.groups.count
        }
        func memory(_ peak: Double) -> String {
            String(format: "%.0f MB (inputs %.0f MB, +%.0f MB)", peak, inputs, peak - inputs)
        }
        return [
            Figure(
                scenario: name, measure: "versions",
                value: "\(old.count) → \(new.count) records: \(statLine)"),
            Figure(
                scenario: name, measure: "--stat (compare + summary)",
                value: Stopwatch.milliseconds(statSeconds) + " (median of \(runs))"),
            Figure(scenario: name, measure: "--stat peak memory (RSS)", value: memory(statPeak)),
            Figure(
                scenario: name, measure: "--format json (+ groups, JSON)",
                value: Stopwatch.milliseconds(jsonSeconds)
                    + ", \(ByteCount.describe(jsonBytes)), \(groups) groups"),
            Figure(
                scenario: name, measure: "--format json peak memory (RSS)", value: memory(jsonPeak)),
        ]
    }

    /// The stages of the generated lineages, in pipeline order, and the recipe component that
    /// changes each one's task key.
    static let stages = [
        ("seed", "seed_questions.prompt"), ("escalation", "escalation.prompt"),
        ("judge", "models.judge"),
    ]

    static func cause(_ old: RecordEntry?, _ new: RecordEntry?) -> String {
        let stage = DatasetDiff.firstChangedStage(old: old, new: new, stages: stages.map(\.0))
        return stages.first { $0.0 == stage }?.1 ?? "content"
    }

    /// Median seconds of `runs` calls of `body` and the peak resident set (MB) while they ran.
    static func measure(runs: Int, _ body: () throws -> Void) throws -> (Double, Double) {
        resetPeakResident()
        let seconds = try Stopwatch.measure(runs: runs, body).median
        return (seconds, BuildScenario.peakResidentMegabytes())
    }

    /// Two versions: the old one of `records` records over three outputs; the new one with
    /// 1% of them changed (a stage's task key in the lineage differs), 0.5% removed, as many
    /// added, and 0.1% of items moved to another output. Unchanged records get digests equal
    /// to but not shared with the old ones, as if read from disk.
    static func versions(records: Int) -> (old: [RecordEntry], new: [RecordEntry]) {
        let disciplines = ["physics", "biology", "economics"]
        let base = ["seed": "5e3d", "escalation": "e5ca", "judge": "1d9e"]
        let variants = stages.map { stage in base.merging([stage.0: "c4a7"]) { $1 } }
        var old: [RecordEntry] = []
        var new: [RecordEntry] = []
        old.reserveCapacity(records)
        new.reserveCapacity(records)
        func digest(_ index: Int, _ salt: UInt64) -> Digest {
            withUnsafeBytes(of: (UInt64(index) &* 0x9E37_79B9_7F4A_7C15) ^ salt) { Digest(of: $0) }
        }
        func placed(_ index: Int, in output: String) -> RecordEntry {
            // A 12-digit hex id, as stable ids derived from an item's origin look.
            let hex = String((UInt64(index) &* 0x2545_F491_4F6C_DD1D) & 0xFFFF_FFFF_FFFF, radix: 16)
            let item = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
            let bucket = ["sft": "zpd", "cpt": "too-easy", "review": "too-hard"][output]
            return RecordEntry(
                output: output, id: output == "cpt" ? item + "/r1" : item, item: item,
                discipline: disciplines[index % 3], bucket: bucket, digest: digest(index, 0),
                lineage: uniqueLineage ? lineage(index) : base)
        }
        func output(_ index: Int) -> String {
            switch index % 20 {
            case 0..<12: "sft"
            case 12..<17: "cpt"
            default: "review"
            }
        }
        // FRONTIER_BENCH_UNIQUE_LINEAGE=1 gives every record its own task keys (64 hex digits a
        // stage), as a real version's records have; by default they share one small lineage.
        let uniqueLineage =
            ProcessInfo.processInfo.environment["FRONTIER_BENCH_UNIQUE_LINEAGE"] == "1"
        func lineage(_ index: Int) -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: stages.enumerated().map { offset, stage in
                    (stage.0, digest(index, UInt64(offset + 7)).hex)
                })
        }
        var random = SplitMix64(seed: 11)
        var removed = 0
        for index in 0..<records {
            let record = placed(index, in: output(index))
            old.append(record)
            var updated = record
            updated.digest = digest(index, 0)
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
            new.append(updated)
        }
        for index in records..<(records + removed) {
            new.append(placed(index, in: output(index)))
        }
        return (old, new)
    }

    /// The process's resident set now (`VmRSS`), in MB.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    /// Resets the peak resident set to the current one (Linux: `5` into `clear_refs`), so a
    /// peak measures the work after it; without it, the peak is the process's.
    static func resetPeakResident() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
