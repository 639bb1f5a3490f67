import ArgumentParser
import Basics
import Engine
import Recipes

/// `frontier plan RECIPE`: compile a recipe and print its plan graph.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compile a recipe into its plan graph and print it.",
        discussion: """
            One node per pipeline stage (ingest per corpus source, chunk, compose, seed, escalate, \
            calibrate, dedup, emit per output, and the exam stages), with its inputs and its key: \
            a SHA-256 over the node's configuration, prompt digests, model identities and the \
            keys of its inputs. A change anywhere upstream changes every key below it. Status is \
            'new' until the build has a store.

            Examples:
              frontier plan recipes/quickstart.yaml
              frontier plan recipes/quickstart.yaml --format json
              frontier plan recipes/quickstart.yaml --format dot | dot -Tsvg > plan.svg
              frontier plan recipes/quickstart.yaml --format mermaid
            """
    )

    @Argument(help: "The recipe file.")
    var recipe: String

    @Option(help: "text, json, dot (Graphviz) or mermaid.")
    var format: PlanFormat = .text

    func run() throws {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        let plan: PlanGraph
        do {
            plan = try Planner.builtIn().plan(checked)
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
        switch format {
        case .text: Console.output(plan.textRendering())
        case .json: Console.output(try plan.jsonValue().prettyString())
        case .dot: Console.output(plan.dotRendering())
        case .mermaid: Console.output(plan.mermaidRendering())
        }
    }
}
