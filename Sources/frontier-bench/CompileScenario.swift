import Basics
import Foundation
import Recipes

/// `compile`: parse, check and plan a generated 1 MiB recipe with about 10,000 keys and 1,000
/// corpus entries (each glob matching a real file).
struct CompileScenario: Scenario {
    let name = "compile"
    let summary =
        "parse + check + plan of a generated 1 MiB recipe (10⁴ keys, 1,000 corpus entries)"

    func run() async throws -> [Figure] {
        let directory = NSTemporaryDirectory() + "frontier-bench-compile-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Self.generate(in: directory)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let loader = RecipeLoader(environment: [:])
        let planner = Planner(prompts: try PromptCatalog.builtIn())
        var keys = 0
        var nodes = 0
        let compile = {
            let loaded = loader.load(path)
            guard let recipe = loaded.recipe, !loaded.hasErrors else {
                throw BenchError(
                    "the generated recipe has errors: "
                        + DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics))
            }
            nodes = try planner.plan(recipe).nodes.count
            keys = recipe.models.count * 6 + recipe.endpoints.count * 4 + recipe.corpus.count * 2
        }
        try compile()  // warm up: file system caches, lazy initialisation
        let times = try Stopwatch.measure(runs: 10, compile)
        return [
            Figure(scenario: name, measure: "recipe size", value: ByteCount.describe(size)),
            Figure(
                scenario: name, measure: "keys (approx.) / plan nodes", value: "\(keys) / \(nodes)"),
            Figure(
                scenario: name, measure: "median of 10", value: Stopwatch.milliseconds(times.median)
            ),
            Figure(
                scenario: name, measure: "fastest of 10",
                value: Stopwatch.milliseconds(times.min()!)),
        ]
    }

    /// Writes the recipe and its corpus under `directory`; returns the recipe's path.
    static func generate(in directory: String) throws -> String {
        let manager = FileManager.default
        let disciplines = (0..<10).map { "discipline-\($0)" }
        var yaml = "frontier: 1\nname: compile-benchmark\nseed: 1\n\nendpoints:\n"
        yaml += "  sim:\n    simulated: {}\n"
        for index in 0..<200 {
            yaml += "  endpoint-\(index):\n    base_url: http://127.0.0.1:\(8000 + index)/v1\n"
            yaml +=
                "    max_concurrency: 64\n    timeout: 600s\n    cache_as: cluster-\(index % 7)\n"
        }
        yaml += "\nmodels:\n"
        let roles = ["writer", "peer", "expert", "judge"]
        for index in 0..<1200 {
            let name = index < roles.count ? roles[index] : "model-\(index)"
            yaml +=
                "  \(name):\n    endpoint: \(index < roles.count ? "sim" : "endpoint-\(index % 200)")\n"
            yaml +=
                "    model: organisation-\(index % 37)/a-rather-long-model-name-\(index)-instruct\n"
            yaml += "    temperature: 0.6\n    top_p: 0.95\n    max_tokens: 4096\n"
            yaml += "    price: { input: 0.56, output: 1.68 }\n"
        }
        yaml += "\ntools:\n  search: { kind: corpus-search, top_k: 5 }\n"
        yaml += "  browse: { kind: corpus-browse, max_chars: 4000 }\n"
        yaml += "  python: { kind: python, timeout: 10s, memory: 512MB }\n\ncorpus:\n"
        for index in 0..<1000 {
            let folder = String(format: "corpus/d%04d", index)
            try manager.createDirectory(
                atPath: directory + "/" + folder, withIntermediateDirectories: true)
            try "# Document \(index)\n\nText.\n".write(
                toFile: directory + "/" + folder + "/doc.md", atomically: false, encoding: .utf8)
            yaml += "  - path: \(folder)/*.md\n    discipline: \(disciplines[index % 10])\n"
        }
        yaml += "\ndisciplines:\n"
        for discipline in disciplines { yaml += "  \(discipline): 10%\n" }
        yaml += """

            compose: { units: 500, chunks_per_unit: 3, neighbors: 10, coherence: 0.25 }
            seed_questions: { model: writer }
            escalation:
              model: writer
              rounds: 8
              budget: { search: 3, browse: 3, python: 2, total: 6 }
            difficulty:
              peer: { model: peer, attempts: 1, solves: 0 }
              expert: { model: expert, attempts: 3, solves: ">=1", budget: { search: 4, total: 8 } }
              judge: judge
            outputs:
              sft: { path: out/sft.jsonl }
              cpt: { path: out/cpt.jsonl }

            """
        // Pad with comments to 1 MiB, as long recipes carry documentation.
        let target = 1 << 20
        let line =
            "# " + String(repeating: "padding to make the recipe one mebibyte ", count: 2) + "\n"
        while yaml.utf8.count + line.utf8.count <= target { yaml += line }
        let path = directory + "/recipe.yaml"
        try yaml.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}
