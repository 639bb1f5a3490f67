import ArgumentParser
import Basics
import Engine
import Foundation
import LanguageModels
import Recipes

/// `frontier eval EXAM --recipe RECIPE --model ROLE`: scores a model on an exam.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score one of a recipe's models on a ZPD Exam.",
        discussion: """
            Runs the model on every question of the exam (alone, or as an agent with --tools), \
            has the recipe's judge compare each answer with the reference, and prints accuracy \
            overall and per discipline with a 95% Wilson interval, pass@1 (and pass@k with \
            --attempts k), mean turns and tool calls, and the paper's zone: below 20% \
            intrinsic competence, 20–60% reasoning bottleneck, above 60% emergent mastery. \
            Calls are cached: evaluating again sends nothing, and adding a model sends only \
            its calls. Tools search the recipe's exam corpus.

            Attempt k at a question is one sample whichever command draws it, so scoring a \
            model that the exam's admission ran (the peer alone, the expert with the recipe's \
            tools) replays admission's attempts: the scores the admission rule implies. \
            --resample draws samples of its own.

            Examples:
              frontier eval out/quickstart/exam.jsonl --recipe recipes/quickstart.yaml --model peer
              frontier eval out/quickstart/exam.jsonl --recipe recipes/quickstart.yaml \\
                --model expert --tools search,browse,python --attempts 3
              frontier eval exam.jsonl --recipe recipes/vllm.yaml --model peer --compare expert

            Exit status: 0 scored, 1 the exam, the recipe or an endpoint failed, 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The exam file (JSONL with id, question, answer and discipline).")
    var exam: String

    @Option(help: "The recipe whose models, judge and tools to use.")
    var recipe: String

    @Option(help: "The role name of the model to score.")
    var model: String

    @Option(help: "A second model role to score beside the first, with the same options.")
    var compare: String?

    @Option(
        help: ArgumentHelp(
            "Tools the model may call, comma-separated, or `none`.", valueName: "list|none"))
    var tools: String = "none"

    @Option(help: "Attempts per question (pass@k for k > 1).")
    var attempts: Int = 1

    @Flag(
        help: "Draw samples of its own rather than replay those the exam's admission drew.")
    var resample = false

    @Option(help: "Most calls in flight.")
    var concurrency: Int = 32

    @Flag(help: "Answer only from the store; a call that is not cached fails.")
    var offline = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if attempts < 1 { throw ValidationError("--attempts must be at least 1") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }

    var toolList: [String] {
        tools == "none"
            ? []
            : tools.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
    }

    func run() async throws {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        let indexDirectory =
            URL(fileURLWithPath: store.resolvedPath).deletingLastPathComponent()
            .appendingPathComponent("index").path
        let reports: [EvaluationReport]
        let progress = BuildProgress()
        do {
            let questions = try ExamQuestion.read(exam)
            reports = try await store.withStore(create: true) { database in
                try await HTTPSession.with(connectionsPerHost: concurrency) { session in
                    let evaluator = Evaluator(
                        recipe: checked, store: database, session: session, offline: offline,
                        concurrency: concurrency, progress: progress)
                    var reports: [EvaluationReport] = []
                    for role in [model] + (compare.map { [$0] } ?? []) {
                        reports.append(
                            try await Interrupt.cancellingOnSIGINT {
                                try await evaluator.evaluate(
                                    .init(
                                        role: role, tools: toolList, attempts: attempts,
                                        resample: resample),
                                    on: questions, indexDirectory: indexDirectory)
                            })
                    }
                    return reports
                }
            }
        } catch is CancellationError {
            Console.error("interrupted: completed calls are kept in the store\n")
            throw ExitCode(130)
        } catch let error as BuildError {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        } catch let problems as CorpusProblems {
            RecipeLoading.report(problems.diagnostics, sources: SourceFiles(), format: .text)
            throw ExitCode.failure
        } catch let error as ModelCallError {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
        switch format {
        case .text: Console.output(EvalReport.text(reports, exam: exam))
        case .json: Console.output(EvalReport.line(EvalReport.json(reports, exam: exam)))
        }
        let snapshot = progress.snapshot()
        Console.error(
            "calls: \(snapshot.callsSent) sent, \(snapshot.callsCached) cached; tools "
                + "\(snapshot.toolRuns) run, \(snapshot.toolsCached) cached\n")
    }
}
