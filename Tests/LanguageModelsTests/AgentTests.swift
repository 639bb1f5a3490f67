import Basics
import Foundation
import LanguageModels
import Testing

@Suite("Agent turns")
struct AgentTests {
    let harness = SimulatorHarness()

    private func question(_ sample: Int, rounds: Int = 2) throws -> String {
        var item = try harness.seed(sample: sample)
        for round in 0..<rounds { item = try harness.escalate(item, round: round + 1) }
        return item["question"]!.stringValue!
    }

    @Test("the expert calls tools with valid JSON arguments and unique ids, then answers")
    func nativeToolCalls() throws {
        var totals: [Int] = []
        for sample in 0..<40 {
            let messages = try harness.runExpert(question: question(sample), sample: sample)
            let calls = messages.compactMap(\.toolCalls).flatMap { $0 }
            totals.append(calls.count)
            #expect((1...3).contains(calls.count))
            #expect(Set(calls.map(\.id)).count == calls.count)
            for call in calls {
                let tool = try #require(
                    SimulatorHarness.tools.first { $0.function.name == call.function.name })
                let arguments = try #require(StageSchema.object(call.function.arguments))
                guard case .array(let required)? = tool.function.parameters?["required"] else {
                    continue
                }
                for name in required.compactMap(\.stringValue) {
                    #expect(arguments[name] != nil, "\(call.function.name) lacks \(name)")
                }
            }
            let last = try #require(messages.last)
            #expect(last.toolCalls == nil)
            #expect(StageSchema.finalAnswer(last.content ?? "") != nil)
            let results = messages.filter { $0.role == .tool }
            #expect(results.count == calls.count)
        }
        #expect(Set(totals).count > 1, "the number of calls should vary between attempts")
    }

    @Test("with the tag protocol the expert writes <tool_call> blocks, then an <answer>")
    func tagProtocol() throws {
        let system = """
            You may call tools. Declare each call as <tool_call>{"name": …, "arguments": …}</tool_call>;
            results come back in <tool_response> tags. Give the final answer in <answer></answer>.
            <tools>
            {"type": "function", "function": {"name": "search", "description": "BM25 search", "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}}
            {"type": "function", "function": {"name": "python", "description": "run code", "parameters": {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]}}}
            </tools>
            """
        var messages: [ChatMessage] = [
            .system(system), .user(SimulatorHarness.expertPrompt(try question(5))),
        ]
        var calls = 0
        for _ in 0..<8 {
            let reply = try #require(
                harness.send(ChatRequest(model: "sim-expert", messages: messages, sampleIndex: 1))
                    .message)
            #expect(reply.toolCalls == nil)
            let content = reply.content ?? ""
            messages.append(reply)
            guard content.contains("<tool_call>") else {
                #expect(content.contains("<answer>") && content.hasSuffix("</answer>"))
                break
            }
            let blocks = content.components(separatedBy: "<tool_call>").dropFirst()
            for block in blocks {
                let json = try #require(block.components(separatedBy: "</tool_call>").first)
                let object = try #require(
                    StageSchema.object(json.trimmingCharacters(in: .whitespacesAndNewlines)))
                #expect(["search", "python"].contains(object["name"]?.stringValue ?? ""))
                #expect(object["arguments"]?["query"] != nil || object["arguments"]?["code"] != nil)
                calls += 1
            }
            messages.append(.user("<tool_response>\n{\"id\": \"doc-3\"}\n</tool_response>"))
        }
        #expect(calls >= 1)
        #expect(messages.last?.content?.contains("<answer>") == true)
    }

    @Test("told that the budget is spent, or given tool_choice none, the expert answers at once")
    func answersWhenTold() throws {
        let question = try question(2)
        for sample in 0..<10 {
            let first = try #require(
                harness.send(
                    ChatRequest(
                        model: "sim-expert",
                        messages: [.user(SimulatorHarness.expertPrompt(question))],
                        tools: SimulatorHarness.tools, sampleIndex: sample)
                ).message)
            let call = try #require(first.toolCalls?.first)
            let spent = try harness.content(
                ChatRequest(
                    model: "sim-expert",
                    messages: [
                        .user(SimulatorHarness.expertPrompt(question)), first,
                        .tool("Tool budget spent: you must answer now.", callID: call.id),
                    ],
                    tools: SimulatorHarness.tools, sampleIndex: sample))
            #expect(StageSchema.finalAnswer(spent) != nil)
            let none = try harness.send(
                ChatRequest(
                    model: "sim-expert", messages: [.user(SimulatorHarness.expertPrompt(question))],
                    tools: SimulatorHarness.tools, toolChoice: ToolChoice.none, sampleIndex: sample)
            )
            #expect(none.message?.toolCalls == nil)
            #expect(StageSchema.finalAnswer(none.message?.content ?? "") != nil)
        }
    }

    @Test("the refiner with tools searches within its budget, then reports the tools it used")
    func refinerWithTools() throws {
        let seed = try harness.seed(sample: 9)
        let prompt = SimulatorHarness.escalatePrompt(
            question: seed["question"]!.stringValue!, answer: seed["answer"]!.stringValue!,
            round: 1,
            budget: 2)
        var messages: [ChatMessage] = [.user(prompt)]
        var called: [String] = []
        for _ in 0..<6 {
            let reply = try #require(
                harness.send(
                    ChatRequest(
                        model: "sim-writer", messages: messages, tools: SimulatorHarness.tools)
                ).message)
            messages.append(reply)
            guard let calls = reply.toolCalls else { break }
            for call in calls {
                called.append(call.function.name)
                messages.append(.tool("{\"id\":\"c1\"}", callID: call.id))
            }
        }
        #expect((1...2).contains(called.count))
        let final = try #require(messages.last?.content)
        #expect(StageSchema.isEscalation(final))
        let used = StageSchema.object(final)?["tools_used"]
        var unique: [String] = []
        for name in called where !unique.contains(name) { unique.append(name) }
        #expect(used == .array(unique.map { .string($0) }))

        let noBudget = SimulatorHarness.escalatePrompt(
            question: seed["question"]!.stringValue!, answer: seed["answer"]!.stringValue!,
            round: 1,
            budget: 0)
        let direct = try harness.content(
            ChatRequest(
                model: "sim-writer", messages: [.user(noBudget)], tools: SimulatorHarness.tools))
        #expect(StageSchema.isEscalation(direct))
    }

    @Test("a browse call opens an id that an earlier search result named")
    func browseFollowsResults() throws {
        var opened: [String] = []
        for sample in 0..<40 {
            let messages = try harness.runExpert(question: question(sample), sample: sample)
            for (index, message) in messages.enumerated() {
                for call in message.toolCalls ?? [] where call.function.name == "browse" {
                    let id = StageSchema.object(call.function.arguments)?["id"]?.stringValue ?? ""
                    let earlier = messages[..<index].filter { $0.role == .tool }
                    if !earlier.isEmpty {
                        #expect(earlier.contains { ($0.content ?? "").contains(id) }, "\(id)")
                        opened.append(id)
                    }
                }
            }
        }
        #expect(!opened.isEmpty)
    }
}
