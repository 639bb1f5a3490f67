public import Basics
internal import Foundation
public import LanguageModels
public import Recipes
public import Store
internal import Tools

/// `frontier eval`: runs one of a recipe's models on every question of an exam (alone, or as
/// the agent with tools), judges each answer with the recipe's judge, and scores the results.
/// Every call goes through the cache, so evaluating again sends nothing.
public struct Evaluator: Sendable {
    public let recipe: Recipe
    public let store: any StoreBackend
    public let progress: BuildProgress
    let models: ModelSet
    public var concurrency: Int

    public init(
        recipe: Recipe, store: any StoreBackend, session: HTTPSession, offline: Bool = false,
        concurrency: Int = 32, progress: BuildProgress = BuildProgress()
    ) {
        self.recipe = recipe
        self.store = store
        self.progress = progress
        self.concurrency = concurrency
        models = ModelSet(recipe: recipe, session: session, store: store, offline: offline)
    }

    /// What to evaluate: a model role, the tools it may use (none: it answers alone), and how
    /// many attempts per question.
    ///
    /// Attempt k at a question is one sample whichever command draws it: its seed derives from
    /// the question, whether tools are used, and k. So evaluating a model that the exam's
    /// admission already ran (the peer alone, the expert with the recipe's tools) replays
    /// admission's attempts from the cache; `resample` draws samples of their own instead.
    public struct Subject: Sendable, Hashable {
        public var role: String
        public var tools: [String]
        public var attempts: Int
        public var resample: Bool

        public init(role: String, tools: [String], attempts: Int, resample: Bool = false) {
            self.role = role
            self.tools = tools
            self.attempts = attempts
            self.resample = resample
        }

        /// The sample index of attempt `attempt`.
        func sample(_ attempt: Int) -> Int {
            resample ? 1_000 + attempt : attempt
        }
    }

    /// Scores `subject` on `questions`; the tools search and browse `indexDirectory`'s index of
    /// the recipe's exam corpus (its training corpus when it has no exam).
    public func evaluate(
        _ subject: Subject, on questions: [ExamQuestion], indexDirectory: String
    ) async throws -> EvaluationReport {
        guard let settings = recipe.model(named: subject.role), models.models[subject.role] != nil
        else {
            let known = recipe.models.map { "'\($0.name.value)'" }.joined(separator: ", ")
            throw BuildError("the recipe has no usable model '\(subject.role)' (it has \(known))")
        }
        for tool in subject.tools where recipe.tool(named: tool) == nil {
            let known = recipe.tools.map { "'\($0.name.value)'" }.joined(separator: ", ")
            throw BuildError("the recipe declares no tool '\(tool)' (it has \(known))")
        }
        let prompts = try PromptSet(recipe: recipe, catalog: try PromptCatalog.builtIn())
        var toolBox = ToolBox(tools: [:], store: store, counters: progress.toolCounters)
        if !subject.tools.isEmpty {
            let builder = Builder(
                recipe: recipe, store: store, models: models,
                options: BuildOptions(concurrency: concurrency, indexDirectory: indexDirectory),
                progress: progress)
            let read = try await builder.read(
                recipe.exam?.corpus ?? recipe.corpus, prefix: "eval.", prompts: prompts)
            toolBox = try await builder.makeToolBox(read.corpus)
        }
        let stages = ItemStages(
            recipe: recipe, prompts: prompts, models: models.models, toolBox: toolBox,
            progress: progress, band: .init(recipe.difficulty), prefix: "eval.")
        let expert = recipe.difficulty.expert
        var perTool: [String: Int] = [:]
        for tool in subject.tools {
            perTool[tool] = expert.budget.perTool.first { $0.key.value == tool }?.value ?? 4
        }
        let budget = ToolBudget(
            perTool: perTool,
            total: min(expert.budget.total ?? Int.max, perTool.values.reduce(0, +)))
        let jobs = questions.indices.flatMap { index in
            (0..<subject.attempts).map { (index, $0) }
        }
        progress.start("eval", total: jobs.count)
        let results = try await Bounded.map(count: jobs.count, width: concurrency) { job in
            let (index, attempt) = jobs[job]
            let question = questions[index]
            let outcome = try await stages.evaluate(
                question, role: subject.role, budget: budget, attempt: attempt,
                sample: subject.sample(attempt))
            stages.progress.finish("eval", id: question.id)
            return outcome
        }
        progress.finishStage("eval")
        return EvaluationReport(
            subject: subject, model: "\(settings.model.value) @ \(settings.endpoint.value)",
            questions: questions, attempts: results)
    }
}

/// One attempt at one exam question.
public struct EvaluationAttempt: Sendable, Hashable {
    public var question: String
    public var attempt: Int
    public var correct: Bool
    public var turns: Int
    public var toolCalls: Int
}

extension ItemStages {
    /// `role` answers `question` (as an agent when `budget` allows tools) as sample `sample`;
    /// the judge rules. Requests are built as calibration builds them, so a sample that
    /// admission drew is the same call.
    func evaluate(
        _ question: ExamQuestion, role: String, budget: ToolBudget, attempt: Int, sample: Int
    ) async throws -> EvaluationAttempt {
        let state = QuestionState(
            question: question.question, answer: question.answer, explanation: "",
            round: question.rounds)
        let caller = try caller(role, stage: "eval")
        let solver = budget.total > 0 ? "expert" : "peer"
        let seed = seed(question.id, stage: solver, round: question.rounds, attempt: sample)
        let response: String
        let problem: String?
        var turns = 1
        var toolCalls = 0
        if budget.total > 0 {
            let agent = AgentLoop(
                caller: caller, toolBox: toolBox, budget: budget,
                maxTurns: recipe.difficulty.expert.maxTurns)
            let run = try await agent.run(
                [.user(prompts.render(.expert, ["question": question.question]))], seed: seed,
                sampleIndex: sample)
            response = run.answer ?? ""
            problem = run.failure
            turns = run.turns
            toolCalls = run.toolCalls
        } else {
            let reply = try await caller.send(
                caller.request(
                    [.user(prompts.render(.answer, ["question": question.question]))], seed: seed,
                    sampleIndex: sample))
            response = reply.truncated ? "" : reply.text
            problem = reply.truncated ? "the reply was cut off" : nil
        }
        let verdict = try await judge(
            state, response: response, solver: solver, item: question.id, attempt: sample,
            calls: [], problem: problem, stage: "eval")
        return EvaluationAttempt(
            question: question.id, attempt: attempt, correct: verdict.correct, turns: turns,
            toolCalls: toolCalls)
    }
}
