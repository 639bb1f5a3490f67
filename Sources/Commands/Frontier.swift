public import ArgumentParser

/// The `frontier` command line: a training-data compiler.
public struct Frontier: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "Compile YAML recipes into LLM training data: SFT trajectories, "
            + "continued-pretraining text, a review queue and a ZPD exam.",
        discussion: """
            A recipe declares endpoints and models, a corpus tagged by discipline, how knowledge \
            units are composed, escalation rounds with tool budgets, the ZPD band and the outputs. \
            frontier checks it, compiles it into a plan graph, and executes the plan with every \
            LLM call and tool call content-addressed and cached.

            Examples:
              frontier validate recipes/quickstart.yaml
              frontier plan recipes/quickstart.yaml --format dot | dot -Tsvg > plan.svg
              frontier schema > grammar/recipe.schema.json
              frontier status recipes/quickstart.yaml
              frontier diff HEAD~1 HEAD
              frontier cache stats
              frontier ask recipes/quickstart.yaml --model peer "What is a lens?"
              frontier serve-sim --port 8000

            Exit status: 0 success, 1 failure (including errors in a recipe), 64 usage error.
            The language reference is grammar/README.md.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, StatusCommand.self, ExplainCommand.self, LogCommand.self,
            TagCommand.self, ShowCommand.self, ExportCommand.self, DiffCommand.self,
            EvalCommand.self,
            ValidateCommand.self, PlanCommand.self,
            SchemaCommand.self,
            CacheCommand.self, AskCommand.self, DoctorCommand.self, ServeSimCommand.self,
        ]
    )

    public init() {}
}

extension Frontier {
    /// Parses the process arguments, runs the command, and exits with its status.
    public static func runFromCommandLine() async {
        Interrupt.unblock()
        await main()
    }
}
