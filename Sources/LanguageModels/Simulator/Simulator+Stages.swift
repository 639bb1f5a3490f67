internal import Basics

/// One request as the stage handlers see it.
struct SimulatedCall {
    var request: ChatRequest
    /// The digest of the whole request: per-call choices (malformed output, the item id).
    var digest: Digest
    /// The digest of the request before the agent's first turn: per-trajectory choices.
    var root: Digest
    var session: AgentSession?
    var malformed: Int?
    var profile: SimulatorProfile
}

extension Simulator {
    /// The reply to `task`, one handler per stage.
    func reply(to task: SimulatedTask, _ call: SimulatedCall) -> SimulatorReply {
        switch task {
        case .seed(let task):
            let seed = SeedWriter.write(task, digest: call.root)
            return json(
                [
                    "question": .string(seed.question), "answer": .string(seed.item.answer ?? ""),
                    "explanation": .string(seed.explanation),
                ], required: "answer", call)
        case .escalate(let task):
            if let turn = agentTurn(call, question: task.question, budget: task.budget) {
                return turn
            }
            let refined = Escalator.refine(
                task, digest: call.root, toolsUsed: call.session?.calledTools ?? [])
            return json(
                [
                    "question": .string(refined.question),
                    "answer": .string(refined.item.answer ?? ""),
                    "explanation": .string(refined.explanation),
                    "dimensions": .array(refined.dimensions.map { .string($0) }),
                    "tools_used": .array(refined.toolsUsed.map { .string($0) }),
                ], required: "answer", call)
        case .answer(let question), .expert(let question):
            if let turn = agentTurn(call, question: question, budget: nil) { return turn }
            let withTools = call.session != nil
            return Solver.answer(
                question: question,
                probability: trueSolveProbability(
                    model: call.request.model, question: question, withTools: withTools),
                decision: call.root, withTools: withTools, session: call.session,
                reasoning: call.profile.emitsReasoning, malformed: call.malformed
            ).reply
        case .judge(let task):
            return json(
                Grader.grade(task, profile: call.profile, digest: call.digest), required: "correct",
                call)
        case .condense(let passage):
            return SimulatorReply(content: Condenser.condense(passage))
        case .other(let prompt):
            let words = TextScanning.keywords(prompt, count: 5)
            return SimulatorReply(
                content: words.isEmpty
                    ? "Understood." : "Noted: " + words.joined(separator: ", ") + ".")
        }
    }

    /// The agent's next tool calls, when tools are offered and it has calls left to make.
    private func agentTurn(
        _ call: SimulatedCall, question: String, budget: Int?
    )
        -> SimulatorReply?
    {
        guard let session = call.session else { return nil }
        return AgentPlan(root: call.root, session: session, budget: budget).turn(
            session, question: question, reasoning: call.profile.emitsReasoning,
            malformed: call.malformed != nil)
    }

    private func json(
        _ object: [String: JSONValue], required: String, _ call: SimulatedCall
    )
        -> SimulatorReply
    {
        let (text, finish) = Malformer.json(
            object, required: required, variant: call.malformed, digest: call.digest)
        return SimulatorReply(content: text, finishReason: finish)
    }
}
