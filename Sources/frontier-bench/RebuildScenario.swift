import Basics
import Engine
import Foundation
import LanguageModels
import Recipes
import Store

/// `noop` and `edit-one`: rebuilds of a finished build on the in-process simulator, at about
/// 5,000, 20,000 and 80,000 calls, so their growth with the build's size shows.
///
/// - `noop`: the same recipe again: wall time, calls sent, and the time of `status`.
/// - `edit-one`: one corpus document of the 1,200 × scale edited, which about 1% of the tasks
///   read: wall time, calls sent and the share of tasks that ran.
struct RebuildScenario: Scenario {
    enum Kind: String, Sendable { case noop, editOne = "edit-one" }

    let kind: Kind
    var name: String { kind.rawValue }
    var summary: String {
        switch kind {
        case .noop: "rebuild of an unchanged recipe after builds of ~5k, ~20k and ~80k calls"
        case .editOne: "rebuild after one corpus document (~1% of tasks) changed, same sizes"
        }
    }

    /// Knowledge units and corpus scale for each size; about 21 calls per unit.
    static let sizes: [(label: String, units: Int, scale: Int)] = [
        ("5k", 240, 1), ("20k", 960, 2), ("80k", 3_840, 6),
    ]

    func run() async throws -> [Figure] {
        var figures: [Figure] = []
        // FRONTIER_BENCH_SIZES=5k,20k runs only those sizes.
        let only = ProcessInfo.processInfo.environment["FRONTIER_BENCH_SIZES"]?
            .split(separator: ",").map(String.init)
        for size in Self.sizes where only?.contains(size.label) ?? true {
            figures += try await measure(size.label, units: size.units, scale: size.scale)
        }
        return figures
    }

    private func measure(_ label: String, units: Int, scale: Int) async throws -> [Figure] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontier-bench-\(name)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SyntheticCorpus.write(into: directory + "/corpus", scale: scale)
        let recipePath = directory + "/recipe.yaml"
        try BuildScenario(units: units).recipe.write(
            toFile: recipePath, atomically: true, encoding: .utf8)
        let store = try SQLiteStore(path: directory + "/store.sqlite")
        let options = BuildOptions(concurrency: 64, indexDirectory: directory + "/index")
        let (cold, coldSeconds) = try await Self.build(recipePath, store: store, options: options)
        let scenario = "\(name) \(label)"
        var figures = [
            Figure(
                scenario: scenario, measure: "cold build",
                value: String(
                    format: "%.1f s, %d calls, %d tasks", coldSeconds, cold.progress.callsSent,
                    cold.tasks.count))
        ]
        switch kind {
        case .noop:
            var (again, seconds) = try await Self.build(recipePath, store: store, options: options)
            // FRONTIER_BENCH_NOOPS=N repeats the no-op (the best time counts), for profiling.
            let repeats =
                Int(ProcessInfo.processInfo.environment["FRONTIER_BENCH_NOOPS"] ?? "") ?? 1
            for _ in 1..<max(1, repeats) {
                let (summary, time) = try await Self.build(
                    recipePath, store: store, options: options)
                if time < seconds { (again, seconds) = (summary, time) }
            }
            let (_, statusSeconds) = try await Self.status(
                recipePath, store: store, options: options)
            figures += [
                Figure(
                    scenario: scenario, measure: "no-op rebuild",
                    value: String(
                        format: "%.3f s (%.2f%% of cold), %d calls sent, up to date: %@", seconds,
                        100 * seconds / coldSeconds, again.progress.callsSent,
                        again.upToDate ? "yes" : "no")),
                Figure(
                    scenario: scenario, measure: "status",
                    value: String(format: "%.3f s", statusSeconds)),
            ]
        case .editOne:
            let document = directory + "/" + Self.documentReadByOnePercent(cold)
            let text = try String(contentsOfFile: document, encoding: .utf8)
            try text.replacingOccurrences(of: " units in ", with: " units, by a later count, in ")
                .write(toFile: document, atomically: true, encoding: .utf8)
            let (status, statusSeconds) = try await Self.status(
                recipePath, store: store, options: options)
            let (edited, seconds) = try await Self.build(recipePath, store: store, options: options)
            let ran = edited.tasks.filter { !$0.cached }.count
            figures += [
                Figure(
                    scenario: scenario, measure: "rebuild after the edit",
                    value: String(
                        format: "%.2f s, %d calls sent (forecast %d), %d of %d tasks ran (%.1f%%)",
                        seconds, edited.progress.callsSent, status.callsToSend, ran,
                        edited.tasks.count, 100 * Double(ran) / Double(max(1, edited.tasks.count)))),
                Figure(
                    scenario: scenario, measure: "status after the edit",
                    value: String(format: "%.2f s", statusSeconds)),
            ]
        }
        return figures
    }

    /// The corpus document whose chunks are read by the number of items nearest 1% of them.
    static func documentReadByOnePercent(_ summary: BuildSummary) -> String {
        var items: [String: Int] = [:]
        for outcome in summary.outcomes {
            let documents = Set(outcome.chunks.map { $0.split(separator: "#").first ?? "" })
            for document in documents { items[String(document), default: 0] += 1 }
        }
        let target = max(1, summary.outcomes.count / 100)
        return items.min {
            abs($0.value - target) != abs($1.value - target)
                ? abs($0.value - target) < abs($1.value - target) : $0.key < $1.key
        }?.key ?? "corpus/physics/t0-d0.md"
    }

    /// The recipe at `path`, checked.
    static func recipe(_ path: String) throws -> Recipe {
        let loaded = RecipeLoader(environment: [:]).load(path)
        guard let recipe = loaded.recipe, !loaded.hasErrors else {
            throw BenchError(
                "the bench recipe does not check: \(loaded.diagnostics.map(\.message))")
        }
        return recipe
    }

    /// Builds the recipe at `path` in process; the summary and the wall time in seconds.
    static func build(
        _ path: String, store: SQLiteStore, options: BuildOptions
    ) async throws -> (BuildSummary, Double) {
        let recipe = try recipe(path)
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = try await HTTPSession.with { session in
            try await Builder(
                recipe: recipe, store: store, session: session, options: options,
                progress: BuildProgress()
            ).run()
        }
        return (summary, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    private static func status(
        _ path: String, store: SQLiteStore, options: BuildOptions
    ) async throws -> (BuildStatus, Double) {
        let recipe = try recipe(path)
        let start = DispatchTime.now().uptimeNanoseconds
        let status = try await HTTPSession.with { session in
            try await BuildStatus.of(recipe, store: store, session: session, options: options)
        }
        return (status, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
