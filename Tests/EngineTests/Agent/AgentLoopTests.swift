import Basics
import Foundation
import LanguageModels
import Recipes
import Store
import Synchronization
import Testing
import Tools

@testable import Engine

/// A model that calls `search` whenever tools may be called (or always, when `stubborn`), and
/// otherwise answers; it records every request.
private final class ScriptedAgent: ChatModel {
    let stubborn: Bool
    let requests = Mutex<[ChatRequest]>([])

    init(stubborn: Bool = false) { self.stubborn = stubborn }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let turn = requests.withLock {
            $0.append(request)
            return $0.count
        }
        let message: ChatMessage =
            request.toolChoice == ToolChoice.none && !stubborn
            ? .assistant("I have what I need.\nAnswer: 42")
            : .assistant(
                nil,
                toolCalls: [
                    ToolCall(
                        id: "call_\(turn)", name: "search", arguments: "{\"query\":\"q\(turn)\"}")
                ])
        return ChatCompletion(
            id: "c\(turn)", model: request.model,
            choices: [.init(index: 0, message: message, finishReason: .stop)], usage: nil)
    }
}

/// A tool that answers every call with the same text.
private struct EchoSearch: Tool {
    var name: String { "search" }
    var version: Int { 1 }
    var definition: JSONValue { ["name": "search", "description": "search the corpus"] }
    var configuration: JSONValue { ["kind": "test"] }
    var reads: Digest? { nil }
    func run(_ arguments: JSONValue) async throws -> ToolResult {
        ToolResult(text: "found \(arguments["query"]?.stringValue ?? "")")
    }
}

@Suite("The agent loop")
struct AgentLoopTests {
    fileprivate static func loop(
        _ base: ScriptedAgent, total: Int, maxTurns: Int
    ) throws -> AgentLoop {
        let recipe = try RecipeText.load(RecipeText.recipe(endpoint: "{ simulated: {} }"))
        let settings = try #require(recipe.model(named: "expert"))
        let store = InMemoryStore()
        let model = CachedChatModel(
            base, identity: ModelIdentity(model: "m3", endpoint: "test"), endpoint: "test",
            store: StoreCallStore(store))
        let budget = ToolBudget(
            perTool: ["search": total], total: total)
        return AgentLoop(
            caller: Caller(
                model: model, settings: settings, stage: "test", progress: BuildProgress()),
            toolBox: ToolBox(tools: ["search": EchoSearch()], store: store), budget: budget,
            maxTurns: maxTurns)
    }

    @Test("when the budget is spent the agent is told, tools are switched off, and it answers")
    func budgetSpent() async throws {
        let base = ScriptedAgent()
        let run = try await Self.loop(base, total: 2, maxTurns: 8).run(
            [.user("Question: what?")], seed: 1, sampleIndex: 0)
        #expect(run.answer == "I have what I need.\nAnswer: 42")
        #expect(run.toolCalls == 2)
        let requests = base.requests.withLock { $0 }
        #expect(requests.count == 3)
        #expect(requests[0].toolChoice == .auto)
        #expect(requests[2].toolChoice == ToolChoice.none)
        #expect(
            requests[2].messages.last?.content?.contains("tool budget is spent (2 of 2 calls)")
                == true)
        // The trajectory: prompt, two call/result pairs, the notice, the answer.
        #expect(
            run.messages.map(\.role) == [
                .user, .assistant, .tool, .assistant, .tool, .user, .assistant,
            ])
        #expect(run.messages[2].content == "found q1")
        #expect(run.messages[2].toolCallID == "call_1")
    }

    @Test("an agent that keeps calling tools after being told gets refusals and fails at max_turns")
    func stubbornAgent() async throws {
        let base = ScriptedAgent(stubborn: true)
        let run = try await Self.loop(base, total: 1, maxTurns: 4).run(
            [.user("Question: what?")], seed: 1, sampleIndex: 0)
        #expect(run.answer == nil)
        #expect(run.failure == "no final answer within 4 turns")
        #expect(run.toolCalls == 1)
        let refusals = run.messages.filter {
            $0.role == .tool && $0.content?.contains("no more tool calls") == true
        }
        #expect(refusals.count == 3)
    }

    @Test("the last turn is announced even when budget remains")
    func lastTurn() async throws {
        let base = ScriptedAgent()
        let run = try await Self.loop(base, total: 10, maxTurns: 3).run(
            [.user("Question: what?")], seed: 1, sampleIndex: 0)
        #expect(run.answer != nil)
        #expect(run.toolCalls == 2)
        let last = base.requests.withLock { $0.last }
        #expect(last?.messages.last?.content?.contains("last turn") == true)
    }

    @Test("a tool the budget does not name is refused with the tools that are allowed")
    func unknownTool() {
        let budget = ToolBudget(perTool: ["search": 2, "browse": 1], total: 3)
        #expect(budget.refusal("python", used: [:])?.contains("not available here") == true)
        #expect(
            budget.refusal("browse", used: ["browse": 1])?.contains("still available: search")
                == true)
        #expect(
            budget.refusal("search", used: ["search": 2, "browse": 1])?.contains("spent (3 of 3")
                == true)
        #expect(budget.refusal("search", used: ["search": 1]) == nil)
    }
}
