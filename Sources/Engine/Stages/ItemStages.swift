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
    /// The plan nodes of the three per-item stages, whose tasks are cached; needed by ``run``.
    var nodes: Nodes?
    var tasks: TaskRunner?

    /// The plan nodes of seed, escalation and calibration (or admission).
    struct Nodes: Sendable {
        var seed: PlanNode
        var escalate: PlanNode
        var calibrate: PlanNode

        /// The nodes named `prefix` + `seed`, `escalate` and `calibrateName` in `plan`.
        init(_ plan: PlanGraph, prefix: String, calibrate calibrateName: String) throws {
            seed = try plan.requiredNode(prefix + "seed")
            escalate = try plan.requiredNode(prefix + "escalate")
            calibrate = try plan.requiredNode(prefix + calibrateName)
        }
    }

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

    /// Runs `unit`'s question `index` through seed, escalation and calibration, each a task
    /// replayed from the store when its key is there.
    ///
    /// Task inputs are content: the seed reads the unit's chunks, escalation the seed's output,
    /// calibration the final question. An item that fails on a call error is not recorded at
    /// the stage that failed, so the next build tries it again.
    func run(unit: KnowledgeUnit, index: Int) async throws -> ItemRecord {
        let id = Digest(of: "item\u{0}\(unit.id)\u{0}\(index)").prefix(16)
        var record = ItemRecord(
            id: id, unit: unit.id, chunks: unit.chunks.map(\.id), discipline: unit.discipline,
            seed: nil, seedCalls: [])
        guard let nodes, let tasks else {
            throw InternalError("item stages run without their plan nodes")
        }
        do {
            var chunks: [String: JSONValue] = [:]
            for chunk in unit.chunks { chunks[chunk.id] = .string(Digest(of: chunk.text).hex) }
            let seeded = try await tasks.run(
                nodes.seed, item: id,
                input: [
                    "item": .string(id), "index": .integer(index),
                    "discipline": .string(unit.discipline), "chunks": .object(chunks),
                ], stage: prefix + "seed"
            ) { try await writeSeed(unit: unit, item: id, index: index) }
            record.seed = seeded.output.seed
            record.seedCalls = seeded.output.calls
            record.failure = seeded.output.failure
            guard let seedState = record.seed else {
                progress.fail(id: id)
                return record
            }
            progress.finish(prefix + "seed", id: id)
            let escalated = try await tasks.run(
                nodes.escalate, item: id,
                input: ["item": .string(id), "seed": .string(seeded.digest.hex)],
                stage: prefix + "escalate"
            ) { try await escalate(item: id, from: seedState) }
            record.rounds = escalated.output.rounds
            progress.finish(prefix + "escalate", id: id)
            guard let final = record.final else { return record }
            let calibrated = try await tasks.run(
                nodes.calibrate, item: id,
                input: [
                    "item": .string(id), "question": .string(try JSONValue.digest(of: final).hex),
                ], stage: prefix + band.stage
            ) { try await calibrate(final, item: id) }
            record.peer = calibrated.output.peer
            record.expert = calibrated.output.expert
            record.bucket = calibrated.output.bucket
            progress.finish(prefix + band.stage, id: id)
        } catch let error as ModelCallError where !error.abortsBuild {
            record.bucket = .failed
            record.failure = "\(error)"
            progress.failRetryably(id: id)
        } catch let error as ToolUnavailable {
            record.bucket = .failed
            record.failure = error.description
            progress.failRetryably(id: id)
        }
        return record
    }

    // MARK: Seed questions

    /// What the seed stage produced for one item.
    struct SeedOutput: Sendable, Codable {
        var seed: QuestionState?
        var calls: [Digest]
        /// Why there is no seed question (a reply unreadable after repair).
        var failure: String?
    }

    private func writeSeed(
        unit: KnowledgeUnit, item: String, index: Int
    ) async throws
        -> SeedOutput
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
            seed: seed(item, stage: "seed", attempt: index), sampleIndex: index)
        guard let object = outcome.object else {
            return SeedOutput(
                seed: nil, calls: outcome.calls,
                failure: "seed question: \(outcome.problem ?? "no reply")")
        }
        return SeedOutput(
            seed: QuestionState(
                question: object.text("question"), answer: object.text("answer"),
                explanation: object.text("explanation"), round: 0),
            calls: outcome.calls)
    }

    // MARK: Escalation

    /// What escalation produced for one item.
    struct EscalateOutput: Sendable, Codable {
        var rounds: [RoundRecord]
    }

    private func escalate(
        item: String, from seedState: QuestionState
    ) async throws
        -> EscalateOutput
    {
        var rounds: [RoundRecord] = []
        let escalation = recipe.escalation
        let refiner = try caller(escalation.model.value, stage: "escalate")
        let budget = ToolBudget(escalation.budget, available: Set(toolBox.tools.keys))
        let agent = AgentLoop(
            caller: refiner, toolBox: toolBox, budget: budget, maxTurns: escalation.maxTurns)
        var state = seedState
        for round in 1...escalation.rounds.value {
            let prompt = prompts.render(
                .escalate,
                [
                    "round": round, "question": state.question, "answer": state.answer,
                    "explanation": state.explanation, "dimensions": escalation.dimensions,
                    "has_tools": budget.total > 0, "budget": budget.total,
                ])
            let run = try await agent.run(
                [.user(prompt)], seed: seed(item, stage: "escalate", round: round),
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
                rounds.append(entry)
                break
            }
            state = QuestionState(
                question: object.text("question"), answer: object.text("answer"),
                explanation: object.text("explanation"), round: round,
                dimensions: object.texts("dimensions"), toolsUsed: object.texts("tools_used"))
            entry.state = state
            if escalation.stop == "peer-fails" {
                let verdict = try await peerAttempt(state, item: item, attempt: 0, check: true)
                entry.peer = verdict
                rounds.append(entry)
                if !verdict.correct { break }
            } else {
                rounds.append(entry)
            }
        }
        return EscalateOutput(rounds: rounds)
    }

    // MARK: Calibration

    /// What calibration decided for one item: every attempt, and the bucket.
    struct CalibrateOutput: Sendable, Codable {
        var peer: [Verdict]
        var expert: [ExpertAttempt]
        var bucket: Bucket
    }

    private func calibrate(
        _ state: QuestionState, item id: String
    ) async throws
        -> CalibrateOutput
    {
        var peer: [Verdict] = []
        for attempt in 0..<band.peerAttempts {
            peer.append(try await peerAttempt(state, item: id, attempt: attempt, check: false))
        }
        let peerSolves = peer.filter(\.correct).count
        guard band.peerRule.isSatisfied(by: peerSolves) else {
            return CalibrateOutput(peer: peer, expert: [], bucket: .tooEasy)
        }
        let stages = self
        // Every attempt runs to its end before a failure is thrown, so one attempt refused by
        // the budget does not cancel the calls the others already sent.
        let results = await withTaskGroup(of: Result<ExpertAttempt, any Error>.self) { group in
            for attempt in 0..<band.expertAttempts {
                group.addTask {
                    do {
                        return .success(
                            try await stages.expertAttempt(state, item: id, attempt: attempt))
                    } catch { return .failure(error) }
                }
            }
            var results: [Result<ExpertAttempt, any Error>] = []
            for await result in group { results.append(result) }
            return results
        }
        let expert = try results.map { try $0.get() }
            .sorted { $0.verdict.attempt < $1.verdict.attempt }
        let expertSolves = expert.filter(\.verdict.correct).count
        let bucket: Bucket =
            if band.expertRule.isSatisfied(by: expertSolves) {
                .zpd
            } else if expertSolves == 0 {
                .tooHard
            } else {
                .outside
            }
        return CalibrateOutput(peer: peer, expert: expert, bucket: bucket)
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
