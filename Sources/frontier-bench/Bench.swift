import Foundation

/// `frontier-bench [SCENARIO…]`: runs named benchmark scenarios and prints a table of figures.
/// Run it in a release build: `swift run -c release frontier-bench compile`.
@main
struct Bench {
    static let scenarios: [any Scenario] = [
        CompileScenario(), HostileInputScenario(), CallsScenario(part: .miss),
        CallsScenario(part: .hit), StoreScenario(), SimulatorScenario(), BuildScenario(),
        RebuildScenario(kind: .noop), RebuildScenario(kind: .editOne), DiffScenario(),
    ]

    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--help") || arguments.contains("-h") {
            print("usage: frontier-bench [SCENARIO…]\n\nscenarios:")
            for scenario in scenarios { print("  \(scenario.name)  \(scenario.summary)") }
            return
        }
        let selected =
            arguments.isEmpty
            ? scenarios
            : try arguments.map { name in
                guard let scenario = scenarios.first(where: { $0.name == name }) else {
                    throw BenchError(
                        "unknown scenario '\(name)'; known: "
                            + scenarios.map(\.name).joined(separator: ", "))
                }
                return scenario
            }
        #if DEBUG
        print("warning: this is a debug build; figures are only meaningful with -c release\n")
        #endif
        var rows: [Figure] = []
        for scenario in selected {
            print("running \(scenario.name)…")
            rows += try await scenario.run()
        }
        print(Figure.table(rows))
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One benchmark: sets up its inputs, measures, and reports figures.
protocol Scenario: Sendable {
    var name: String { get }
    var summary: String { get }
    func run() async throws -> [Figure]
}

/// One measured figure of a scenario.
struct Figure {
    var scenario: String
    var measure: String
    var value: String

    static func table(_ rows: [Figure]) -> String {
        let headers = ["scenario", "measure", "value"]
        let columns = [rows.map(\.scenario), rows.map(\.measure), rows.map(\.value)]
        let widths = zip(headers, columns).map { header, cells in
            max(header.count, cells.map(\.count).max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        for row in rows { lines.append(line([row.scenario, row.measure, row.value])) }
        return lines.joined(separator: "\n")
    }
}

/// Wall-clock timing of repeated runs.
enum Stopwatch {
    /// Seconds taken by each of `runs` calls of `body`.
    static func measure(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times
    }

    static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.1f ms", seconds * 1000)
    }
}

extension Array<Double> {
    var median: Double {
        let sorted = self.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
