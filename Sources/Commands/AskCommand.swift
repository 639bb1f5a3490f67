import ArgumentParser
import Basics
import Engine
import Foundation
import LanguageModels
import Recipes

/// `frontier ask RECIPE --model ROLE PROMPT…`: prompts through one of a recipe's models, with
/// the build's cache, retries and limits.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Send prompts to one of a recipe's models, through the call cache.",
        discussion: """
            Each prompt is one call: a user message, after the --system message when given. \
            Calls go through the same cache, retries and endpoint limits as a build, so asking \
            again is answered from the store. Answers are printed in prompt order, as text or \
            as JSON lines ({"prompt", "answer", "finish_reason", "cached", "key"}); a summary \
            of calls sent and cached goes to standard error.

            Examples:
              frontier ask recipes/quickstart.yaml --model peer "What limits a lens's resolution?"
              frontier ask recipes/vllm.yaml --model expert --prompts questions.txt --format jsonl

            Exit status: 0 when every prompt was answered, 1 when any failed (or the endpoint \
            refused the credentials, which stops at once), 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "The recipe file.")
    var recipe: String

    @Option(help: "The role name of the model to ask, as declared under `models:`.")
    var model: String

    @Argument(help: "Prompts, one call each.")
    var prompts: [String] = []

    @Option(help: ArgumentHelp("A file of prompts, one per line.", valueName: "file"))
    var promptsFile: String?

    @Option(help: "A system message sent before each prompt.")
    var system: String?

    @Option(help: "The sample index, to draw a different sample of the same prompts.")
    var sample: Int?

    @Option(help: "Most calls in flight (the endpoint's max_concurrency still applies).")
    var concurrency: Int = 64

    @Flag(help: "Answer only from the store; a call that is not cached fails.")
    var offline = false

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if prompts.isEmpty, promptsFile == nil {
            throw ValidationError("give prompts as arguments or with --prompts-file")
        }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        guard let settings = checked.model(named: model) else {
            let known = checked.models.map { "'\($0.name.value)'" }.joined(separator: ", ")
            Console.error("error: the recipe has no model '\(model)' (it has \(known))\n")
            throw ExitCode.failure
        }
        let batch = PromptBatch(
            prompts: try allPrompts(), system: system, sampleIndex: sample)
        let failures = try await store.withStore(create: true) { database in
            try await HTTPSession.with(connectionsPerHost: concurrency) { session in
                let models = ModelSet(
                    recipe: checked, session: session, store: database, offline: offline)
                guard let chat = models.models[model] else {
                    Console.error("error: model '\(model)' has no usable endpoint\n")
                    throw ExitCode.failure
                }
                var failures = 0
                do {
                    try await batch.run(through: chat, settings: settings, concurrency: concurrency)
                    { outcome in
                        if case .failure(let error) = outcome.result {
                            failures += 1
                            if format == .text {
                                Console.error("error: prompt \(outcome.index + 1): \(error)\n")
                            }
                        }
                        Console.output(render(outcome))
                    }
                } catch let error as ModelCallError {
                    Console.error("error: \(error)\n")
                    throw ExitCode.failure
                }
                Console.error(
                    Self.summary(
                        chat.statistics, http: models.clients[settings.endpoint.value]?.counters,
                        prompts: batch.prompts.count))
                return failures
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    private func allPrompts() throws -> [String] {
        var all = prompts
        if let promptsFile {
            do {
                let text = try String(contentsOfFile: promptsFile, encoding: .utf8)
                all += text.split(whereSeparator: \.isNewline).map(String.init)
            } catch {
                throw ValidationError("cannot read '\(promptsFile)': \(error.localizedDescription)")
            }
        }
        return all
    }

    private func render(_ outcome: PromptBatch.Outcome) -> String {
        switch (format, outcome.result) {
        case (.text, .success(let answer)):
            return (answer.completion.message?.content ?? "") + "\n"
        case (.text, .failure):
            return ""
        case (.jsonl, .success(let answer)):
            let line: JSONValue = .object([
                "prompt": .string(outcome.prompt),
                "answer": .string(answer.completion.message?.content ?? ""),
                "finish_reason": answer.completion.choices.first?.finishReason.map {
                    .string($0.rawValue)
                } ?? .null,
                "cached": .bool(answer.cached),
                "key": .string(answer.key.digest.hex),
            ])
            return ((try? line.canonicalString()) ?? "{}") + "\n"
        case (.jsonl, .failure(let error)):
            let line: JSONValue = .object([
                "prompt": .string(outcome.prompt), "error": .string("\(error)"),
            ])
            return ((try? line.canonicalString()) ?? "{}") + "\n"
        }
    }

    /// The closing line: calls sent and cached, tokens, answers cut short, and for an HTTP
    /// endpoint the requests it took, retries included.
    static func summary(
        _ statistics: CallStatistics, http: ClientCounters?, prompts: Int
    )
        -> String
    {
        var text =
            "\(RecipeLoading.count(prompts, "prompt")): \(statistics.sent) sent, "
            + "\(statistics.cached) cached, \(statistics.failed) failed; tokens "
            + "\(statistics.tokensIn) in, \(statistics.tokensOut) out"
        if statistics.truncated > 0 {
            text += "; \(statistics.truncated) cut at max_tokens"
        }
        if let http {
            text +=
                "; \(RecipeLoading.count(http.requests, "HTTP request")), "
                + RecipeLoading.count(http.retries, "retry", plural: "retries")
        }
        return text + "\n"
    }
}
