import Basics
import Foundation
import LanguageModels

/// `simulator`: the simulator's own cost per chat answer, without HTTP, the key or the store;
/// the floor under every serve-sim figure.
struct SimulatorScenario: Scenario {
    let name = "simulator"
    let summary = "20,000 chat answers from the simulator in process (no HTTP, no store)"

    func run() async throws -> [Figure] {
        let simulator = Simulator()
        let requests = CallsScenario.requests(20_000)
        let times = try Stopwatch.measure(runs: 3) {
            for request in requests { _ = try simulator.respond(to: request) }
        }
        let seconds = times.median
        let identity = ModelIdentity(
            model: "bench-peer", endpoint: .object(["base_url": .string("x")]))
        let keyTimes = try Stopwatch.measure(runs: 3) {
            for request in requests { _ = try CallKey(identity: identity, request: request) }
        }
        let encoder = JSONEncoder()
        let encodeTimes = try Stopwatch.measure(runs: 3) {
            for request in requests { _ = try encoder.encode(request) }
        }
        let answers = try requests.map { try JSONEncoder().encode(simulator.respond(to: $0)) }
        let decoder = JSONDecoder()
        let decodeTimes = try Stopwatch.measure(runs: 3) {
            for answer in answers { _ = try decoder.decode(ChatCompletion.self, from: answer) }
        }
        func each(_ seconds: Double) -> String {
            String(format: "%.1f µs each", seconds / 20_000 * 1e6)
        }
        return [
            Figure(scenario: name, measure: "call key", value: each(keyTimes.median)),
            Figure(scenario: name, measure: "JSONEncoder request", value: each(encodeTimes.median)),
            Figure(
                scenario: name, measure: "JSONDecoder completion", value: each(decodeTimes.median)),
            Figure(
                scenario: name, measure: "answers per second, one core",
                value: String(
                    format: "%.0f/s (%.1f µs each)", 20_000 / seconds, seconds / 20_000 * 1e6)),
        ]
    }
}
