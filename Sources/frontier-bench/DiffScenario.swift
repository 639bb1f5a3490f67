import Basics
import DatasetDiff
import Engine
import Foundation
import Store

/// glibc's `malloc_trim`: hands freed heap pages back to the system, so the memory the
/// generated versions took does not count towards the diff's resident set.
@_silgen_name("malloc_trim")
private func mallocTrim(_ padding: Int) -> Int32

/// `diff-1m`: `frontier diff` of two versions of 1,000,000 records each (1% changed, 0.5%
/// added, 0.5% removed, 0.1% of items moved between outputs), written into a SQLite store the
/// way a build records them and read back through the function `frontier diff` calls: the
/// `--stat` path (read both record indexes, compare, summary) and the `--format json` path
/// (the same, then the lineages of the changed and moved records, their causes, and the JSON of
/// summary and groups with every changed id). Generating and writing the versions is not
/// counted; peak memory is measured from a store opened afresh.
struct DiffScenario: Scenario {
    let name = "diff-1m"
    let summary = "diff of two 1,000,000-record versions in a store (--stat and --format json)"
    var records = 1_000_000

    func run() async throws -> [Figure] {
        let directory = NSTemporaryDirectory() + "frontier-bench-diff-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let path = directory + "/store.sqlite"
            let start = DispatchTime.now().uptimeNanoseconds
            let counts = try await Self.write(records: records, into: path)
            let writing = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let storeBytes =
                (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            _ = mallocTrim(0)
            let baseline = Self.residentMegabytes()
            #if DEBUG
            let runs = 1
            #else
            let runs = 3
            #endif
            var statLine = ""
            let (statSeconds, statPeak) = try await Self.measure(runs: runs) {
                let report = try await Self.diff(path)
                statLine = String(report.summary.text().prefix { $0 != "\n" })
            }
            var jsonBytes = 0
            var groups = 0
            let (jsonSeconds, jsonPeak) = try await Self.measure(runs: runs) {
                let report = try await Self.diff(path)
                let json = try report.json(records: false).prettyString()
                jsonBytes = json.utf8.count
                groups = report.groups.count
            }
            func memory(_ peak: Double) -> String {
                String(
                    format: "%.0f MB (before %.0f MB, +%.0f MB)", peak, baseline, peak - baseline)
            }
            return [
                Figure(
                    scenario: name, measure: "versions",
                    value: "\(counts.old) → \(counts.new) records: \(statLine)"),
                Figure(
                    scenario: name, measure: "generate + write (not timed)",
                    value: String(
                        format: "%.1f s, store %@", writing, ByteCount.describe(storeBytes))),
                Figure(
                    scenario: name, measure: "--stat (read, compare, summary)",
                    value: Stopwatch.milliseconds(statSeconds) + " (median of \(runs))"),
                Figure(
                    scenario: name, measure: "--stat peak memory (RSS)", value: memory(statPeak)),
                Figure(
                    scenario: name, measure: "--format json (+ lineages, causes, JSON)",
                    value: Stopwatch.milliseconds(jsonSeconds)
                        + ", \(ByteCount.describe(jsonBytes)), \(groups) groups"),
                Figure(
                    scenario: name, measure: "--format json peak memory (RSS)",
                    value: memory(jsonPeak)),
            ]
        }
    }

    /// What `frontier diff --store PATH` computes: the catalog of a store opened afresh, and the
    /// diff of its versions HEAD~1 and HEAD.
    static func diff(_ path: String) async throws -> DiffReport {
        let store = try SQLiteStore(path: path, mode: .existing)
        let catalog = try await VersionCatalog(store: store)
        return try await catalog.diff(
            from: try catalog.resolve("HEAD~1"), to: try catalog.resolve("HEAD"), output: nil,
            records: false)
    }

    /// Median seconds of `runs` calls of `body` and the peak resident set (MB) while they ran.
    static func measure(
        runs: Int, _ body: () async throws -> Void
    ) async throws -> (Double, Double) {
        resetPeakResident()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (times.median, BuildScenario.peakResidentMegabytes())
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
