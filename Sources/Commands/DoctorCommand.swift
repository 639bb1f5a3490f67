import ArgumentParser
import Engine
import LanguageModels
import Recipes

/// `frontier doctor RECIPE`: is every endpoint reachable, and does it serve the recipe's models?
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that every endpoint of a recipe answers and serves its models.",
        discussion: """
            Pings each HTTP endpoint's GET /v1/models (two attempts, a short timeout) and \
            reports how long it took, the models it serves, and whether each of the recipe's \
            models is among them. The simulator is always available.

            Examples:
              frontier doctor recipes/vllm.yaml

            Exit status: 0 when every endpoint answered, 1 otherwise, 64 usage error.
            """
    )

    @Argument(help: "The recipe file.")
    var recipe: String

    @Option(help: "Seconds to wait for each endpoint.")
    var timeout: Double = 10

    func run() async throws {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        let reports = try await HTTPSession.with(connectionsPerHost: 2) { session in
            await EndpointCheck.run(checked, session: session, timeout: .seconds(timeout))
        }
        Console.output(reports.map(Self.render).joined())
        let failed = reports.filter { !$0.isHealthy }.count
        if failed > 0 {
            Console.error(
                "error: \(RecipeLoading.count(failed, "endpoint")) of \(reports.count) failed\n")
            throw ExitCode.failure
        }
    }

    static func render(_ report: EndpointReport) -> String {
        var lines: [String] = []
        let place = report.baseURL.map { " (\($0))" } ?? ""
        switch report.status {
        case .simulated:
            lines.append("ok      \(report.name): the built-in simulator")
        case .reachable(let served, let milliseconds):
            lines.append(
                "ok      \(report.name)\(place): answered in \(milliseconds) ms, serves "
                    + RecipeLoading.count(served.count, "model"))
        case .failed(let reason):
            lines.append("FAILED  \(report.name)\(place): \(reason)")
        }
        for model in report.models {
            let verdict =
                switch model.listed {
                case true?: "served"
                case false?: "NOT in the endpoint's model list"
                case nil: "unknown"
                }
            lines.append("        model '\(model.role)' → '\(model.model)': \(verdict)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
