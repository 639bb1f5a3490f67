import Basics
import Engine
import Foundation
import LanguageModels
import Recipes
import Store

/// `build-sim`: a whole build on the in-process simulator: a generated corpus of three
/// disciplines, 2,000 knowledge units through seed, four escalation rounds, calibration, dedup
/// and emit, with a real SQLite store and the corpus search and browse tools.
struct BuildScenario: Scenario {
    let name = "build-sim"
    let summary = "2,000 units through every stage on the in-process simulator (SQLite store)"
    var units = 2_000

    func run() async throws -> [Figure] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontier-bench-build-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SyntheticCorpus.write(into: directory + "/corpus")
        let recipePath = directory + "/recipe.yaml"
        try recipe.write(toFile: recipePath, atomically: true, encoding: .utf8)
        let store = try SQLiteStore(path: directory + "/store.sqlite")
        let options = BuildOptions(concurrency: 64, indexDirectory: directory + "/index")
        func build() async throws -> (BuildSummary, Double) {
            try await RebuildScenario.build(recipePath, store: store, options: options)
        }
        let (cold, coldSeconds) = try await build()
        let peak = Self.peakResidentMegabytes()
        let (warm, warmSeconds) = try await build()
        let progress = cold.progress
        let buckets = Bucket.allCases.map { "\(cold.buckets[$0] ?? 0) \($0.rawValue)" }
        return [
            Figure(
                scenario: name, measure: "units / items", value: "\(cold.units) / \(cold.items)"),
            Figure(scenario: name, measure: "buckets", value: buckets.joined(separator: ", ")),
            Figure(
                scenario: name, measure: "cold build",
                value: String(
                    format: "%.1f s, %.1f items/s", coldSeconds, Double(cold.items) / coldSeconds)),
            Figure(
                scenario: name, measure: "calls sent (cold)",
                value: String(
                    format: "%d (%.0f/s), tools %d run + %d cached", progress.callsSent,
                    Double(progress.callsSent) / coldSeconds, progress.toolRuns,
                    progress.toolsCached)),
            Figure(
                scenario: name, measure: "peak memory (RSS)", value: String(format: "%.0f MB", peak)
            ),
            Figure(
                scenario: name, measure: "rebuild, all cached",
                value: String(
                    format: "%.1f s, %d sent, up to date: %@", warmSeconds, warm.progress.callsSent,
                    warm.upToDate ? "yes" : "no")),
        ]
    }

    /// The recipe: the synthetic corpus, search and browse tools (python's subprocesses would
    /// measure process start-up, not the engine), four rounds with the paper's early stop.
    var recipe: String {
        """
        frontier: 1
        name: bench
        seed: 1
        endpoints: { sim: { simulated: {} } }
        models:
          writer: { endpoint: sim, model: sim-writer, max_tokens: 2048 }
          peer:   { endpoint: sim, model: sim-peer, max_tokens: 1024 }
          expert: { endpoint: sim, model: sim-analyst, max_tokens: 2048 }
          judge:  { endpoint: sim, model: sim-judge, max_tokens: 256 }
        tools:
          search: { kind: corpus-search, top_k: 5 }
          browse: { kind: corpus-browse, max_chars: 2000 }
        corpus:
          - { path: corpus/physics/*.md, discipline: physics }
          - { path: corpus/biology/*.md, discipline: biology }
          - { path: corpus/economics/*.md, discipline: economics }
        disciplines: { physics: 40%, biology: 35%, economics: 25% }
        compose: { chunk_chars: 900, units: \(units), chunks_per_unit: 3, neighbors: 8, coherence: 0.05, cross_discipline: forbid }
        seed_questions: { model: writer }
        escalation: { model: writer, rounds: 4, stop: peer-fails, budget: { search: 3, browse: 2, total: 4 } }
        difficulty:
          peer: { model: peer, attempts: 3, solves: 0 }
          expert: { model: expert, attempts: 3, solves: ">=2", budget: { search: 4, browse: 4, total: 6 }, max_turns: 10 }
          judge: judge
        outputs:
          sft: { path: out/sft.jsonl }
          cpt: { path: out/cpt.jsonl }
          review: { path: out/review.jsonl }
        """
    }

    /// The process's peak resident set (`VmHWM`), in MB.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kilobytes / 1024
    }
}

/// A generated corpus: per discipline, topics whose documents share a vocabulary and carry
/// numeric facts, so chunks of one topic are similar and seed questions have figures to ask.
enum SyntheticCorpus {
    static let disciplines = [("physics", 120), ("biology", 105), ("economics", 75)]

    /// Writes the corpus, with `scale` times the topics of each discipline.
    static func write(into directory: String, scale: Int = 1) throws {
        var random = SplitMix64(seed: 7)
        for (discipline, topics) in disciplines.map({ ($0.0, $0.1 * scale) }) {
            let folder = directory + "/" + discipline
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
            for topic in 0..<topics {
                let words = (0..<10).map { "\(discipline.prefix(3))\(topic)w\($0)" }
                for document in 0..<4 {
                    var text = "# \(discipline) topic \(topic), part \(document)\n"
                    for _ in 0..<3 {
                        var sentences: [String] = []
                        for _ in 0..<6 {
                            let a = words[random.below(words.count)]
                            let b = words[random.below(words.count)]
                            let value = Double(random.below(100_000)) / 100
                            sentences.append(
                                "The \(a) of the \(b) was measured at \(value) units in \(1900 + random.below(120))."
                            )
                        }
                        text += "\n" + sentences.joined(separator: " ") + "\n"
                    }
                    try text.write(
                        toFile: "\(folder)/t\(topic)-d\(document).md", atomically: false,
                        encoding: .utf8)
                }
            }
        }
    }
}
