import ArgumentParser
import Basics
import Engine
import Foundation
import LanguageModels
import Recipes

/// `frontier build RECIPE`: runs the recipe's pipeline and writes its outputs.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the dataset a recipe describes.",
        discussion: """
            Runs the pipeline: ingest and chunk the corpus, compose knowledge units, write seed \
            questions, escalate them round by round with a tool-using agent, calibrate them \
            against the peer and the expert, deduplicate, and write the sft, cpt and review \
            files. Every model call and tool call is cached in the store, so building again \
            sends only what changed, and prints "up to date" when nothing had to run.

            Progress goes to standard error: a live display on a terminal, a line every few \
            seconds otherwise. --events ndjson writes events to standard output instead, one \
            JSON object per line, ending with the summary. Ctrl-C stops cleanly: completed \
            calls stay in the store, no output file is written, and the exit status is 130; \
            pressed again a second later, it stops at once.

            Examples:
              frontier build recipes/quickstart.yaml
              frontier build recipes/quickstart.yaml --limit 3
              frontier build recipes/vllm.yaml --max-cost 5 --max-calls 10000
              frontier build recipes/vllm.yaml --concurrency 128 --events ndjson

            --max-calls and --max-cost stop the build cleanly before a call would go over the \
            budget: completed tasks and calls stay in the store, no output is written, and the \
            next build continues from there (its outputs equal an uninterrupted build's).

            Exit status: 0 built (items that failed are in the review file and the summary), \
            1 the recipe, the corpus or an endpoint stopped the build, 3 stopped at the budget, \
            130 interrupted, 64 usage error.
            """
    )

    enum Events: String, ExpressibleByArgument, CaseIterable {
        case ndjson
    }

    @Argument(help: "The recipe file.")
    var recipe: String

    @Option(help: "Most items in flight (each endpoint's max_concurrency still applies).")
    var concurrency: Int = 32

    @Option(
        help:
            "Only the first N knowledge units (and exam units), for fast iteration while authoring."
    )
    var limit: Int?

    @Flag(help: "Answer only from the store; a call that is not cached fails the build.")
    var offline = false

    @Option(
        help: ArgumentHelp(
            "Send at most N calls, then stop cleanly; building again continues.",
            valueName: "N"))
    var maxCalls: Int?

    @Option(
        help: ArgumentHelp(
            "Stop cleanly before the estimated cost (from each model's price) would exceed USD; "
                + "building again continues.", valueName: "USD"))
    var maxCost: Double?

    @Flag(help: "No progress; only the summary.")
    var quiet = false

    @Option(help: "Write events to standard output instead of progress: ndjson.")
    var events: Events?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let maxCalls, maxCalls < 0 { throw ValidationError("--max-calls must not be negative") }
        if let maxCost, !(maxCost >= 0) { throw ValidationError("--max-cost must not be negative") }
    }

    func run() async throws {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        let display = ProgressDisplay(
            mode: events != nil ? .events : quiet ? .quiet : ProgressDisplay.defaultMode())
        let progress = BuildProgress(
            prices: Dictionary(
                checked.models.compactMap { model in
                    model.price.map { (model.name.value, ($0.input, $0.output)) }
                }, uniquingKeysWith: { first, _ in first }),
            onEvent: { display.event($0) })
        let storePath = store.resolvedPath
        let indexDirectory =
            URL(fileURLWithPath: storePath).deletingLastPathComponent()
            .appendingPathComponent("index").path
        let budget =
            maxCalls != nil || maxCost != nil
            ? SendBudget(maxCalls: maxCalls, maxCost: maxCost) : nil
        let options = BuildOptions(
            concurrency: concurrency, limit: limit, offline: offline,
            indexDirectory: indexDirectory, budget: budget)
        let summary: BuildSummary
        do {
            summary = try await store.withStore(create: true) { database in
                try await HTTPSession.with(connectionsPerHost: concurrency) { session in
                    let builder = Builder(
                        recipe: checked, store: database, session: session, options: options,
                        progress: progress)
                    return try await Interrupt.cancellingOnSIGINT {
                        try await display.showing(progress) { try await builder.run() }
                    }
                }
            }
        } catch is CancellationError {
            display.clear()
            Console.error(
                "interrupted: completed calls are kept in the store; no output was written\n")
            throw ExitCode(130)
        } catch let problems as CorpusProblems {
            display.clear()
            RecipeLoading.report(problems.diagnostics, sources: SourceFiles(), format: .text)
            throw ExitCode.failure
        } catch let error as BuildError {
            display.clear()
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        } catch ModelCallError.budgetSpent(let limit) {
            display.clear()
            let calls = budget?.spent.calls ?? 0
            Console.error(
                "stopped before going over \(limit): \(calls) calls sent. Completed work is "
                    + "kept in the store and no output was written; build again to continue.\n")
            throw ExitCode(3)
        } catch let error as ModelCallError {
            display.clear()
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
        display.finish(summary)
    }
}
