import Basics
import Foundation
import Recipes

/// `hostile`: how fast hostile inputs are rejected, each with its own diagnostic.
struct HostileInputScenario: Scenario {
    let name = "hostile"
    let summary = "rejection time of a billion-laughs file, 10⁵ nested brackets and a 50 MiB file"

    func run() async throws -> [Figure] {
        let directory = NSTemporaryDirectory() + "frontier-bench-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            laughs += "a\(level): &a\(level) [\(aliases)]\n"
        }
        let big = String(repeating: "# \(String(repeating: "x", count: 1021))\n", count: 50 * 1024)
        let inputs: [(String, String, DiagnosticID)] = [
            ("billion laughs", laughs, .aliasExpansionLimit),
            ("10⁵ nested brackets", String(repeating: "[", count: 100_000), .nestingTooDeep),
            ("50 MiB file", big, .fileTooLarge),
        ]
        let loader = RecipeLoader(environment: [:])
        var figures: [Figure] = []
        for (label, text, expected) in inputs {
            let path = directory + "/\(expected.rawValue).yaml"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            var ids: [DiagnosticID] = []
            let times = Stopwatch.measure(runs: 5) {
                ids = loader.load(path).diagnostics.map(\.id)
            }
            guard ids == [expected] else {
                throw BenchError("\(label) gave \(ids), expected [\(expected)]")
            }
            figures.append(
                Figure(
                    scenario: name, measure: "\(label) → \(expected)",
                    value: Stopwatch.milliseconds(times.max()!) + " (slowest of 5)"))
        }
        return figures
    }
}
