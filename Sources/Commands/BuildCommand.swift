import ArgumentParser
import Basics
import Recipes

/// `frontier build RECIPE`: check and plan a recipe; executing the plan lands with the engine.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the dataset a recipe describes (the engine is coming; checks and plans).",
        discussion: """
            Today this checks the recipe and compiles its plan, then stops: the execution engine \
            that runs the plan against endpoints or the simulator is not in this version yet. \
            It exits 1 because nothing was built.

            Examples:
              frontier build recipes/quickstart.yaml
            """
    )

    @Argument(help: "The recipe file.")
    var recipe: String

    func run() throws {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        let plan = try Planner(prompts: PromptCatalog.builtIn()).plan(checked)
        Console.output(
            "\(recipe): valid; the plan has \(plan.nodes.count) stages (see `frontier plan \(recipe)`)\n"
        )
        Console.error(
            "error: frontier build cannot execute plans yet: the engine is coming; nothing was built\n"
        )
        throw ExitCode.failure
    }
}
