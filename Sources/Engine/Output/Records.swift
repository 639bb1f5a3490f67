import Basics
import LanguageModels
import Recipes

/// Turns finished items into the records of the `sft`, `cpt` and `review` files.
///
/// Every record carries a stable `id`, its `discipline`, the `rounds` it took, its `verdicts`,
/// and `provenance` (the recipe digest, the models by role, the keys of the calls that made it).
/// Records are sorted by id and written as canonical JSON, one per line, so the same inputs give
/// byte-identical files.
struct Records {
    let recipe: Recipe
    let includeReasoning: Bool

    /// The model of each role the pipeline uses, as `model @ endpoint`.
    var models: JSONValue {
        var members: [String: JSONValue] = [:]
        let roles = [
            ("writer", recipe.seedQuestions.model.value),
            ("refiner", recipe.escalation.model.value),
            ("peer", recipe.difficulty.peer.model.value),
            ("expert", recipe.difficulty.expert.model.value),
            ("judge", recipe.difficulty.judge.model.value),
        ]
        for (role, name) in roles {
            guard let model = recipe.model(named: name) else { continue }
            members[role] = .string("\(model.model.value) @ \(model.endpoint.value)")
        }
        return .object(members)
    }

    func provenance(_ calls: [Digest]) -> JSONValue {
        [
            "recipe": .string(recipe.digest.hex), "models": models,
            "calls": .array(calls.map { .string($0.hex) }),
        ]
    }

    func verdicts(_ item: ItemRecord) -> JSONValue {
        [
            "peer": .array(item.peer.map(verdict)),
            "expert": .array(item.expert.map { verdict($0.verdict) }),
        ]
    }

    private func verdict(_ verdict: Verdict) -> JSONValue {
        var members: [String: JSONValue] = [
            "attempt": .integer(verdict.attempt), "correct": .bool(verdict.correct),
            "extracted": .string(verdict.extracted),
        ]
        if let problem = verdict.problem { members["problem"] = .string(problem) }
        return .object(members)
    }

    private func rounds(_ item: ItemRecord) -> Int {
        item.final?.round ?? 0
    }

    // MARK: sft

    /// The SFT record of a kept ZPD item: its first correct expert trajectory whose tool
    /// calls all had well-formed arguments; nil when there is none.
    func sft(_ item: ItemRecord) -> JSONValue? {
        guard
            let attempt = item.expert.first(where: {
                $0.verdict.correct && $0.run.cleanArguments && $0.run.answer != nil
            })
        else { return nil }
        let tools = attempt.run.tools.map { definition -> JSONValue in
            ["type": "function", "function": definition]
        }
        var record: [String: JSONValue] = [
            "id": .string(item.id), "discipline": .string(item.discipline),
            "rounds": .integer(rounds(item)), "verdicts": verdicts(item),
            "messages": .array(attempt.run.messages.map(message)),
            "provenance": provenance(item.calls),
        ]
        if !tools.isEmpty { record["tools"] = .array(tools) }
        return .object(record)
    }

    /// `message` in OpenAI chat fine-tuning form; reasoning, when included, leads the content
    /// inside `<think>` tags.
    func message(_ message: ChatMessage) -> JSONValue {
        var members: [String: JSONValue] = ["role": .string(message.role.rawValue)]
        var content = message.content
        if includeReasoning, let reasoning = message.reasoningContent, !reasoning.isEmpty {
            content = "<think>\n\(reasoning)\n</think>\n\n" + (content ?? "")
        }
        if let content { members["content"] = .string(content) }
        if let calls = message.toolCalls, !calls.isEmpty {
            members["tool_calls"] = .array(
                calls.map { call in
                    [
                        "id": .string(call.id), "type": "function",
                        "function": [
                            "name": .string(call.function.name),
                            "arguments": .string(call.function.arguments),
                        ],
                    ]
                })
        }
        if let id = message.toolCallID { members["tool_call_id"] = .string(id) }
        return .object(members)
    }

    // MARK: cpt

    /// The text of every chunk.
    func cpt(chunk: CorpusChunkRecord) -> JSONValue {
        [
            "id": .string("chunk:" + chunk.id), "text": .string(chunk.text),
            "discipline": .string(chunk.discipline), "rounds": 0, "verdicts": [:],
            "provenance": [
                "recipe": .string(recipe.digest.hex), "document": .string(chunk.document),
                "calls": .array(chunk.calls.map { .string($0.hex) }),
            ],
        ]
    }

    /// Question/answer texts the peer solved: every escalation state it solved on the way, and
    /// the final state of an item too easy for the band.
    func cpt(item: ItemRecord) -> [JSONValue] {
        var states: [(QuestionState, [Verdict], [Digest])] = []
        for round in item.rounds {
            if let state = round.state, let peer = round.peer, peer.correct {
                states.append((state, [peer], round.calls + peer.calls))
            }
        }
        if item.bucket == .tooEasy, let final = item.final,
            !states.contains(where: { $0.0.round == final.round })
        {
            states.append((final, item.peer, item.calls))
        }
        return states.map { state, verdicts, calls in
            var text = "Question: \(state.question)\nAnswer: \(state.answer)"
            if !state.explanation.isEmpty { text += "\nExplanation: \(state.explanation)" }
            return [
                "id": .string("\(item.id)/round-\(state.round)"), "text": .string(text),
                "discipline": .string(item.discipline), "rounds": .integer(state.round),
                "verdicts": ["peer": .array(verdicts.map(verdict))],
                "provenance": provenance(item.seedCalls + calls),
            ]
        }
    }

    // MARK: exam

    /// The exam record of an admitted item: the question, its reference answer, and the
    /// admission verdicts, readable by any harness.
    func exam(_ item: ItemRecord, admission: Recipe.Exam) -> JSONValue {
        let final = item.final
        func rule(attempts: Int, solves: SolveRule, correct: Int) -> JSONValue {
            [
                "attempts": .integer(attempts), "solves": .string(solves.description),
                "correct": .integer(correct),
            ]
        }
        return [
            "id": .string(item.id), "discipline": .string(item.discipline),
            "question": .string(final?.question ?? ""), "answer": .string(final?.answer ?? ""),
            "explanation": .string(final?.explanation ?? ""), "rounds": .integer(rounds(item)),
            "verdicts": verdicts(item),
            "admission": [
                "peer": rule(
                    attempts: admission.peer.attempts.value, solves: admission.peer.solves.value,
                    correct: item.peer.filter(\.correct).count),
                "expert": rule(
                    attempts: admission.expert.attempts.value,
                    solves: admission.expert.solves.value,
                    correct: item.expert.filter(\.verdict.correct).count),
            ],
            "provenance": provenance(item.calls),
        ]
    }

    // MARK: review

    /// The review record of an item the expert never solved, one outside the band, or one a
    /// stage failed on: everything needed to judge it by hand.
    func review(_ item: ItemRecord) -> JSONValue {
        var record: [String: JSONValue] = [
            "id": .string(item.id), "discipline": .string(item.discipline),
            "bucket": .string(item.bucket.rawValue), "rounds": .integer(rounds(item)),
            "verdicts": verdicts(item), "chunks": .array(item.chunks.map { .string($0) }),
            "provenance": provenance(item.calls),
            "history": .array(
                item.rounds.map { round in
                    var entry: [String: JSONValue] = ["round": .integer(round.round)]
                    if let state = round.state {
                        entry["question"] = .string(state.question)
                        entry["answer"] = .string(state.answer)
                    }
                    if let failure = round.failure { entry["failure"] = .string(failure) }
                    return .object(entry)
                }),
            "attempts": .array(
                item.peer.map { attempt($0, trajectory: nil) }
                    + item.expert.map { attempt($0.verdict, trajectory: $0.run) }),
        ]
        if let final = item.final {
            record["question"] = .string(final.question)
            record["answer"] = .string(final.answer)
            record["explanation"] = .string(final.explanation)
        }
        if let failure = item.failure { record["failure"] = .string(failure) }
        return .object(record)
    }

    private func attempt(_ verdict: Verdict, trajectory: AgentRun?) -> JSONValue {
        var members: [String: JSONValue] = [
            "solver": .string(verdict.solver), "attempt": .integer(verdict.attempt),
            "response": .string(verdict.response), "correct": .bool(verdict.correct),
            "extracted": .string(verdict.extracted), "reason": .string(verdict.reason),
        ]
        if let problem = verdict.problem { members["problem"] = .string(problem) }
        if let trajectory {
            members["tool_calls"] = .integer(trajectory.toolCalls)
            members["turns"] = .integer(trajectory.turns)
        }
        return .object(members)
    }
}

/// A chunk as the `cpt` file needs it.
struct CorpusChunkRecord: Sendable {
    var id: String
    var document: String
    var discipline: String
    var text: String
    /// The condense calls that made the text, if any.
    var calls: [Digest]
}
