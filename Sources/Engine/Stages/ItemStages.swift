import Basics
import LanguageModels
import Recipes
import Tools

/// What the per-item stages share: the recipe, its prompts, a caller per role and stage, and
/// the tools.
struct ItemStages: Sendable {
    let recipe: Recipe
    let prompts: PromptSet
    let models: [String: CachedChatModel]
    let toolBox: ToolBox
    let progress: BuildProgress
    /// The band calibration places items by: the recipe's `difficulty`, or an exam's `admit`.
    var band: Band
    /// Put before stage names in progress: "" for training, "exam." for the exam.
    var prefix = ""

    /// Attempts and solve rules for the peer and the expert.
    struct Band: Sendable {
        /// The stage name calibration reports under (`calibrate`, `admit`).
        var stage: String
        var peerAttempts: Int
        var peerRule: SolveRule
        var expertAttempts: Int
        var expertRule: SolveRule

        /// The recipe's ZPD band.
        init(_ difficulty: Recipe.Difficulty) {
            stage = "calibrate"
            peerAttempts = difficulty.peer.attempts.value
            peerRule = difficulty.peer.solves.value
            expertAttempts = difficulty.expert.attempts.value
            expertRule = difficulty.expert.solves.value
        }

        /// An exam's admission rule.
        init(_ exam: Recipe.Exam) {
            stage = "admit"
            peerAttempts = exam.peer.attempts.value
            peerRule = exam.peer.solves.value
            expertAttempts = exam.expert.attempts.value
            expertRule = exam.expert.solves.value
        }
    }

    /// The caller for model role `role` in plan stage `stage`.
    func caller(_ role: String, stage: String) throws -> Caller {
        guard let model = models[role], let settings = recipe.model(named: role) else {
            throw BuildError("the model '\(role)' has no usable endpoint")
        }
        return Caller(
            model: model, settings: settings, stage: prefix + stage, progress: progress)
    }

    func seed(_ item: String, stage: String, round: Int = 0, attempt: Int = 0) -> Int {
        SampleSeed.derive(
            recipe: recipe.seed, item: item, stage: stage, round: round, attempt: attempt)
    }

    /// Runs `unit`'s question `index` through seed, escalation and calibration.
    func run(unit: KnowledgeUnit, index: Int) async throws -> ItemRecord {
        let id = Digest(of: "item\u{0}\(unit.id)\u{0}\(index)").prefix(16)
        var record = ItemRecord(
            id: id, unit: unit.id, chunks: unit.chunks.map(\.id), discipline: unit.discipline,
            seed: nil, seedCalls: [])
        do {
            try await writeSeed(&record, unit: unit, index: index)
            guard record.seed != nil else { return record }
            progress.finish(prefix + "seed", id: id)
            try await escalate(&record)
            progress.finish(prefix + "escalate", id: id)
            try await calibrate(&record)
            progress.finish(prefix + band.stage, id: id)
        } catch let error as ModelCallError where !error.abortsBuild {
            record.bucket = .failed
            record.failure = "\(error)"
            progress.fail(id: id)
        } catch let error as ToolUnavailable {
            record.bucket = .failed
            record.failure = error.description
            progress.fail(id: id)
        }
        return record
    }

    // MARK: Seed questions

    private func writeSeed(_ record: inout ItemRecord, unit: KnowledgeUnit, index: Int) async throws
    {
        let prompt = prompts.render(
            .seed,
            [
                "count": unit.chunks.count, "discipline": unit.discipline,
                "chunks": unit.chunks.map { ["id": $0.id, "text": $0.text] },
            ])
        let caller = try caller(recipe.seedQuestions.model.value, stage: "seed")
        let outcome = try await caller.structured(
            [.user(prompt)], required: ["question", "answer"],
            seed: seed(record.id, stage: "seed", attempt: index), sampleIndex: index)
        record.seedCalls = outcome.calls
        guard let object = outcome.object else {
            record.failure = "seed question: \(outcome.problem ?? "no reply")"
            progress.fail(id: record.id)
            return
        }
        record.seed = QuestionState(
            question: object.text("question"), answer: object.text("answer"),
            explanation: object.text("explanation"), round: 0)
    }

    // MARK: Escalation

    private func escalate(_ record: inout ItemRecord) async throws {
        let escalation = recipe.escalation
        let refiner = try caller(escalation.model.value, stage: "escalate")
        let budget = ToolBudget(escalation.budget, available: Set(toolBox.tools.keys))
        let agent = AgentLoop(
            caller: refiner, toolBox: toolBox, budget: budget, maxTurns: escalation.maxTurns)
        guard var state = record.seed else { return }
        for round in 1...escalation.rounds.value {
            let prompt = prompts.render(
                .escalate,
                [
                    "round": round, "question": state.question, "answer": state.answer,
                    "explanation": state.explanation, "dimensions": escalation.dimensions,
                    "has_tools": budget.total > 0, "budget": budget.total,
                ])
            let run = try await agent.run(
                [.user(prompt)], seed: seed(record.id, stage: "escalate", round: round),
                sampleIndex: round,
                check: { answer in
                    if case .failure(let problem) = StructuredReply.parse(
                        answer, required: ["question", "answer"])
                    {
                        return problem.description
                    }
                    return nil
                })
            var entry = RoundRecord(
                round: round, state: nil, failure: run.failure, toolCalls: run.toolCalls,
                calls: run.calls, peer: nil)
            guard let answer = run.answer,
                case .success(let object) = StructuredReply.parse(
                    answer, required: ["question", "answer"])
            else {
                entry.failure = entry.failure ?? "no refined question"
                record.rounds.append(entry)
                break
            }
            state = QuestionState(
                question: object.text("question"), answer: object.text("answer"),
                explanation: object.text("explanation"), round: round,
                dimensions: object.texts("dimensions"), toolsUsed: object.texts("tools_used"))
            entry.state = state
            if escalation.stop == "peer-fails" {
                let verdict = try await peerAttempt(
                    state, item: record.id, attempt: 0, check: true)
                entry.peer = verdict
                record.rounds.append(entry)
                if !verdict.correct { break }
            } else {
                record.rounds.append(entry)
            }
        }
    }

    // MARK: Calibration

    private func calibrate(_ record: inout ItemRecord) async throws {
        guard let state = record.final else { return }
        var peer: [Verdict] = []
        for attempt in 0..<band.peerAttempts {
            peer.append(
                try await peerAttempt(state, item: record.id, attempt: attempt, check: false))
        }
        record.peer = peer
        let peerSolves = peer.filter(\.correct).count
        guard band.peerRule.isSatisfied(by: peerSolves) else {
            record.bucket = .tooEasy
            return
        }
        let stages = self
        let id = record.id
        record.expert = try await withThrowingTaskGroup(of: ExpertAttempt.self) { group in
            for attempt in 0..<band.expertAttempts {
                group.addTask {
                    try await stages.expertAttempt(state, item: id, attempt: attempt)
                }
            }
            var attempts: [ExpertAttempt] = []
            for try await attempt in group { attempts.append(attempt) }
            return attempts.sorted { $0.verdict.attempt < $1.verdict.attempt }
        }
        let expertSolves = record.expert.filter(\.verdict.correct).count
        if band.expertRule.isSatisfied(by: expertSolves) {
            record.bucket = .zpd
        } else if expertSolves == 0 {
            record.bucket = .tooHard
        } else {
            record.bucket = .outside
        }
    }

    /// The peer answers `state`'s question alone; the judge rules. Escalation's check (`check`)
    /// and calibration draw separate samples: the check that stopped escalation failed by
    /// selection, so reusing it would make calibration's first attempt a foregone failure.
    func peerAttempt(
        _ state: QuestionState, item: String, attempt: Int, check: Bool
    ) async throws -> Verdict {
        let peer = recipe.difficulty.peer
        let stage = check ? "escalate" : band.stage
        let caller = try caller(peer.model.value, stage: stage)
        let prompt = prompts.render(.answer, ["question": state.question])
        let reply = try await caller.send(
            caller.request(
                [.user(prompt)],
                seed: seed(
                    item, stage: check ? "peer-check" : "peer", round: state.round,
                    attempt: attempt),
                sampleIndex: attempt))
        let response = reply.truncated ? "" : reply.text
        return try await judge(
            state, response: response, solver: "peer", item: item, attempt: attempt,
            calls: [reply.key], problem: reply.truncated ? "the reply was cut off" : nil,
            stage: stage)
    }

    func expertAttempt(
        _ state: QuestionState, item: String, attempt: Int
    ) async throws -> ExpertAttempt {
        let expert = recipe.difficulty.expert
        let caller = try caller(expert.model.value, stage: band.stage)
        let agent = AgentLoop(
            caller: caller, toolBox: toolBox,
            budget: ToolBudget(expert.budget, available: Set(toolBox.tools.keys)),
            maxTurns: expert.maxTurns)
        let prompt = prompts.render(.expert, ["question": state.question])
        let run = try await agent.run(
            [.user(prompt)],
            seed: seed(item, stage: "expert", round: state.round, attempt: attempt),
            sampleIndex: attempt)
        let verdict = try await judge(
            state, response: run.answer ?? "", solver: "expert", item: item, attempt: attempt,
            calls: [], problem: run.failure, stage: band.stage)
        return ExpertAttempt(run: run, verdict: verdict)
    }

    /// The judge compares `response` with the reference answer of `state`.
    func judge(
        _ state: QuestionState, response: String, solver: String, item: String, attempt: Int,
        calls: [Digest], problem: String?, stage: String
    ) async throws -> Verdict {
        var verdict = Verdict(
            solver: solver, attempt: attempt, response: response, extracted: "", correct: false,
            reason: "", problem: problem, calls: calls)
        guard problem == nil, !response.trimmingWhitespace().isEmpty else {
            verdict.problem = problem ?? "no answer"
            return verdict
        }
        let judge = recipe.difficulty.judge
        let caller = try caller(judge.model.value, stage: stage)
        let prompt = prompts.render(
            .judge,
            [
                "question": state.question, "reference": state.answer, "response": response,
                "tolerance": judge.tolerance,
            ])
        let outcome = try await caller.structured(
            [.user(prompt)], required: ["correct"],
            seed: seed(item, stage: "judge-\(solver)", round: state.round, attempt: attempt),
            sampleIndex: attempt)
        verdict.calls += outcome.calls
        guard let object = outcome.object, case .bool(let correct)? = object["correct"] else {
            verdict.problem = "judge: " + (outcome.problem ?? "\"correct\" is not true or false")
            return verdict
        }
        verdict.correct = correct
        verdict.extracted = object.text("extracted")
        verdict.reason = object.text("reason")
        return verdict
    }
}
