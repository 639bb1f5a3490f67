import ArgumentParser
import Basics
import Recipes

/// `frontier validate RECIPE…`: check recipes and report every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check recipes against the language and report every problem found.",
        discussion: """
            Reports all errors in one run, compiler-style: path:line:col: error: message [id], \
            the source line with a caret under the problem, and notes such as "did you mean". \
            Warnings (such as a literal API key) do not fail validation.

            Examples:
              frontier validate recipes/quickstart.yaml
              frontier validate recipes/*.yaml
              frontier validate recipe.yaml --format json | jq '.diagnostics[].id'

            Exit status: 0 when every recipe is valid, 1 when any has errors.
            """
    )

    @Argument(help: "The recipe files to check.")
    var recipes: [String]

    @Option(help: "How to write diagnostics: text (to stderr) or json (to stdout).")
    var format: DiagnosticFormat = .text

    func run() throws {
        var all: [Diagnostic] = []
        var sources = SourceFiles()
        for path in recipes {
            let loaded = RecipeLoading.load(path)
            all += loaded.diagnostics
            sources.merge(loaded.sources)
            if format == .text && !loaded.hasErrors {
                Console.output("\(path): valid\n")
            }
        }
        RecipeLoading.report(all, sources: sources, format: format)
        if all.containsErrors { throw ExitCode.failure }
    }
}
