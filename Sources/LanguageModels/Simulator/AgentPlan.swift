internal import Basics

/// What a simulated agent does over one trajectory, fixed by the trajectory's root (the request
/// up to the agent's first turn), so that every turn of one attempt follows the same plan.
///
/// The agent makes one to three tool calls in all (never more than the budget the prompt
/// states), one per turn or now and then two at once; the first is a search when a search tool
/// is offered. Once it has made its calls, or is told to answer, it answers.
struct AgentPlan {
    var root: Digest
    var plannedCalls: Int

    init(root: Digest, session: AgentSession, budget: Int?) {
        self.root = root
        var random = DeterministicRandom(root, "plan")
        var calls = session.tools.isEmpty ? 0 : 1 + random.below(3)
        if let budget { calls = min(calls, max(0, budget)) }
        plannedCalls = calls
    }

    /// The next turn's tool calls; nil when it is time to answer.
    ///
    /// Native calls carry the agent's thought as `reasoning_content` when the model reasons,
    /// else as content beside the calls; tag-protocol calls follow it in the content.
    func turn(
        _ session: AgentSession, question: String, reasoning: Bool, malformed: Bool
    )
        -> SimulatorReply?
    {
        let made = session.callsMade
        guard !session.mustAnswer, made < plannedCalls else { return nil }
        var random = DeterministicRandom(root, "turn \(made)")
        let count = plannedCalls - made >= 2 && random.chance(0.25) ? 2 : 1
        var calls: [(tool: AgentSession.Tool, arguments: String, id: String)] = []
        for offset in 0..<count {
            let index = made + offset
            var pick = DeterministicRandom(root, "tool \(index)")
            let searches = session.tools.filter { $0.kind == .search }
            let tool =
                index == 0 && !searches.isEmpty ? searches[0] : pick.pick(session.tools)
            let value = ToolArguments.make(
                for: tool, question: question, callIndex: index, results: session.resultsText)
            var arguments = (try? value.canonicalString()) ?? "{}"
            if malformed && offset == 0 { arguments = Malformer.truncatedArguments(arguments) }
            let id = "call_" + Digest(of: root.hex + "#\(index)").prefix(24)
            calls.append((tool, arguments, id))
        }
        let thought = Self.thought(for: calls.map(\.tool), question: question)
        switch session.toolProtocol {
        case .native:
            return SimulatorReply(
                content: reasoning ? nil : thought,
                toolCalls: calls.map {
                    ToolCall(id: $0.id, name: $0.tool.name, arguments: $0.arguments)
                },
                reasoning: reasoning ? thought : nil, finishReason: .toolCalls)
        case .tags:
            let blocks = calls.map { call in
                let block =
                    "<tool_call>\n{\"name\":\"\(call.tool.name)\",\"arguments\":\(call.arguments)}"
                return call.arguments.hasSuffix("}") ? block + "\n</tool_call>" : block
            }
            return SimulatorReply(
                content: thought + "\n" + blocks.joined(separator: "\n"), toolCalls: nil,
                reasoning: nil, finishReason: .stop)
        }
    }

    private static func thought(for tools: [AgentSession.Tool], question: String) -> String {
        let topic = TextScanning.keywords(SimulatedItem.body(of: question), count: 2)
            .joined(separator: " and ")
        let actions = tools.map { tool in
            switch tool.kind {
            case .search: "search the corpus for \(topic.isEmpty ? "the key terms" : topic)"
            case .browse: "open the most relevant passage"
            case .python: "check the arithmetic in Python"
            case .other: "consult \(tool.name)"
            }
        }
        return "To answer this I should " + actions.joined(separator: ", then ") + "."
    }
}
