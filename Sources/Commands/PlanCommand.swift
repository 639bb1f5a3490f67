import ArgumentParser
import Basics
import Engine
import Recipes

/// `frontier plan RECIPE`: compile a recipe, print its plan graph and forecast a build.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compile a recipe into its plan graph, and forecast what a build would send.",
        discussion: """
            One node per pipeline stage (ingest per corpus source, chunk, compose, seed, escalate, \
            calibrate, dedup, emit per output, and the exam stages), with its inputs, its key \
            (a SHA-256 over the node's configuration, prompt digests, model identities and the \
            keys of its inputs: a change anywhere upstream changes every key below it) and its \
            status against the store: up to date, stale or new (see `frontier status`).

            Then the forecast, per model: calls answered from the store and calls a build would \
            send, estimated tokens (prompts at about three characters a token; answers as the \
            mean of the model's cached answers, or bounded by max_tokens, marked ≤) and the \
            cost from the model's price. The forecast is a dry run against the store that sends \
            nothing (the simulator stands in for calls that are not cached); --no-forecast \
            prints the plan alone.

            Examples:
              frontier plan recipes/quickstart.yaml
              frontier plan recipes/quickstart.yaml --format json
              frontier plan recipes/quickstart.yaml --format dot | dot -Tsvg > plan.svg
              frontier plan recipes/quickstart.yaml --format mermaid
            """
    )

    @OptionGroup var dryRun: DryRunOptions

    @Option(help: "text, json, dot (Graphviz) or mermaid (dot and mermaid have no forecast).")
    var format: PlanFormat = .text

    @Flag(help: "Only compile: no status and no forecast.")
    var noForecast = false

    func run() async throws {
        let checked = try dryRun.loadRecipe()
        let plan: PlanGraph
        do {
            plan = try Planner.builtIn().plan(checked)
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
        let forecast = format == .text || format == .json
        let status = forecast && !noForecast ? try await dryRun.status(of: checked) : nil
        let nodeStatus: (PlanNode) -> String = { node in
            guard let status else { return "-" }
            return status.nodes.first { $0.id == node.id }.map(Self.describe) ?? "-"
        }
        switch format {
        case .text:
            Console.output(plan.textRendering(status: nodeStatus))
            if let status { Console.output("\n" + StatusReport.forecast(status)) }
        case .json:
            var value = plan.jsonValue(status: nodeStatus)
            if let status, case .object(var members) = value {
                members["forecast"] = ForecastJSON.value(status)
                value = .object(members)
            }
            Console.output(try value.prettyString())
        case .dot: Console.output(plan.dotRendering())
        case .mermaid: Console.output(plan.mermaidRendering())
        }
    }

    private static func describe(_ node: BuildStatus.Node) -> String {
        if node.toRun == 0 { return "up to date" }
        return node.stale == 0 && node.upToDate == 0 ? "new" : "stale"
    }
}

/// The forecast in `plan --format json`.
enum ForecastJSON {
    static func value(_ status: BuildStatus) -> JSONValue {
        let costs = status.models.compactMap(\.cost)
        return [
            "calls_to_send": .integer(status.callsToSend),
            "calls_cached": .integer(status.models.reduce(0) { $0 + $1.cached }),
            "cost": costs.isEmpty ? .null : .number(costs.reduce(0, +)),
            "up_to_date": .bool(status.upToDate),
            "changed_outputs": .array(status.changedOutputs.map { .string($0) }),
            "models": .array(
                status.models.map { model in
                    [
                        "role": .string(model.role), "model": .string(model.model),
                        "cached": .integer(model.cached), "to_send": .integer(model.toSend),
                        "tokens_in": .integer(model.tokensIn),
                        "tokens_out": .integer(model.tokensOut),
                        "tokens_out_is_bound": .bool(model.tokensOutIsBound),
                        "cost": model.cost.map { .number($0) } ?? .null,
                    ]
                }),
        ]
    }
}
