import Basics
import Foundation
import LanguageModels
import Recipes
import Tools

/// The ReAct loop of the refiner and the expert: the model calls tools or answers; each result
/// goes back as a message; budgets cap calls per tool and in total, and `maxTurns` caps turns.
/// When the budget is spent, or the last turn comes, the agent is told so and must answer.
///
/// Native function calling and the text-tag protocol share the loop; either way the trajectory
/// is kept in OpenAI chat form (tool calls with ids, one tool message per call).
struct AgentLoop: Sendable {
    let caller: Caller
    let toolBox: ToolBox
    let budget: ToolBudget
    let maxTurns: Int

    /// Runs the agent on `messages`. `check` says what is wrong with a final answer (nil when
    /// it is usable); a wrong one is repaired once by telling the agent, then it fails the run.
    func run(
        _ messages: [ChatMessage], seed: Int, sampleIndex: Int?,
        check: @Sendable (String) -> String? = { $0.isEmpty ? "the answer is empty" : nil }
    ) async throws -> AgentRun {
        let definitions = toolBox.definitions(budget.names)
        let native = caller.settings.toolProtocol == .native
        let offered: [ToolDefinition]? =
            native && !definitions.isEmpty
            ? definitions.map {
                ToolDefinition(
                    name: $0["name"]?.stringValue ?? "",
                    description: $0["description"]?.stringValue,
                    parameters: $0["parameters"])
            } : nil
        var wire = messages
        if !native && !definitions.isEmpty {
            wire.insert(.system(TagProtocol.instructions(definitions)), at: 0)
        }
        var run = AgentRun(
            messages: messages, answer: nil, failure: nil, toolCalls: 0, turns: 0, calls: [],
            tools: definitions, cleanArguments: true)
        var used: [String: Int] = [:]
        var told = definitions.isEmpty
        var repaired = false
        for turn in 0..<maxTurns {
            let spent = used.values.reduce(0, +) >= budget.total
            if !told && (spent || turn == maxTurns - 1) {
                let notice = Self.notice(
                    spent: spent, used: used.values.reduce(0, +), budget: budget)
                wire.append(.user(notice))
                run.messages.append(.user(notice))
                told = true
            }
            var request = caller.request(wire, seed: seed, sampleIndex: sampleIndex, tools: offered)
            if told && offered != nil { request.toolChoice = ToolChoice.none }
            let reply = try await caller.send(request)
            run.calls.append(reply.key)
            run.turns += 1
            let message = reply.message
            var calls: [ToolCall] = []
            var prose = message.content
            if reply.truncated {
                prose = nil
            } else if native {
                calls = message.toolCalls ?? []
            } else {
                let parsed = TagProtocol.calls(in: message.content ?? "")
                if !parsed.calls.isEmpty {
                    prose = parsed.prose.isEmpty ? nil : parsed.prose
                    calls = parsed.calls.enumerated().map { index, call in
                        ToolCall(
                            id: "call_\(turn)_\(index)", name: call.name, arguments: call.arguments)
                    }
                }
            }
            if !calls.isEmpty {
                wire.append(native ? message : .assistant(message.content ?? ""))
                run.messages.append(
                    .assistant(prose, toolCalls: calls, reasoning: message.reasoningContent))
                var results: [String] = []
                for call in calls {
                    let result: ToolResult
                    if told {
                        result = .error("no more tool calls: the tool budget is spent; answer now")
                    } else if let refusal = budget.refusal(call.function.name, used: used) {
                        result = .error(refusal)
                    } else {
                        used[call.function.name, default: 0] += 1
                        run.toolCalls += 1
                        result = try await toolBox.call(
                            call.function.name, argumentsText: call.function.arguments)
                    }
                    if !call.function.arguments.isValidJSONObject { run.cleanArguments = false }
                    let text = result.isError ? "Error: " + result.text : result.text
                    run.messages.append(.tool(text, callID: call.id))
                    if native { wire.append(.tool(text, callID: call.id)) }
                    results.append(text)
                }
                if !native { wire.append(.user(TagProtocol.responses(results))) }
                continue
            }
            let text =
                reply.truncated
                ? ""
                : native ? (message.content ?? "") : TagProtocol.answer(in: message.content ?? "")
            let problem =
                reply.truncated
                ? "the reply was cut off at max_tokens" : check(text.trimmingWhitespace())
            guard let problem else {
                run.messages.append(.assistant(text, reasoning: message.reasoningContent))
                run.answer = text
                return run
            }
            guard !repaired, turn < maxTurns - 1 else {
                run.failure = problem
                return run
            }
            repaired = true
            told = true
            let repair =
                "Your answer could not be used: \(problem). Answer again, without calling tools."
            wire += [.assistant(message.content ?? ""), .user(repair)]
            run.messages += [.assistant(message.content ?? ""), .user(repair)]
        }
        run.failure = "no final answer within \(maxTurns) turns"
        return run
    }

    private static func notice(spent: Bool, used: Int, budget: ToolBudget) -> String {
        spent
            ? "Your tool budget is spent (\(used) of \(budget.total) calls). Answer now, without "
                + "calling tools."
            : "This is your last turn: no more tool calls. Answer now."
    }
}

/// One agent run: the whole trajectory and how it ended.
struct AgentRun: Sendable, Hashable, Codable {
    /// The prompt, every assistant turn (with tool calls and reasoning), every tool result, and
    /// the final answer, in OpenAI chat form.
    var messages: [ChatMessage]
    /// The final answer; nil when the run failed.
    var answer: String?
    var failure: String?
    var toolCalls: Int
    var turns: Int
    /// The keys of the model calls, in order.
    var calls: [Digest]
    /// The definitions of the tools offered.
    var tools: [JSONValue]
    /// Whether every tool call's arguments were a JSON object.
    var cleanArguments: Bool
}

extension String {
    var isValidJSONObject: Bool {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(utf8)) else {
            return false
        }
        if case .object = value { return true }
        return false
    }
}
