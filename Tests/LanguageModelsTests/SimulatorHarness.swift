import Basics
import Foundation
import LanguageModels

/// Builds the requests the engine will send, from the real templates, and runs small
/// pipelines against the simulator.
struct SimulatorHarness {
    var simulator: Simulator

    init(_ configuration: SimulatorConfiguration = SimulatorConfiguration()) {
        simulator = Simulator(configuration)
    }

    static let passages: [(id: String, text: String)] = [
        (
            "phys-1",
            "The mean free path of nitrogen molecules at standard conditions is about 68 nm. "
                + "Collisions with Boltzmann statistics set the viscosity of the gas."
        ),
        (
            "phys-2",
            "Kinetic theory relates viscosity to the mean free path and the mean molecular speed, "
                + "which for nitrogen at 300 K is roughly 475 m/s according to Maxwell."
        ),
        (
            "phys-3",
            "Measured viscosity of nitrogen near room temperature is 17.9 µPa s, in agreement "
                + "with the Chapman–Enskog theory within 2%."
        ),
    ]

    static func seedPrompt(
        passages: [(id: String, text: String)] = Self.passages, discipline: String = "physics"
    ) -> String {
        PromptFixture.render(
            "seed",
            [
                "count": .text("\(passages.count)"), "discipline": .text(discipline),
                "chunks": .list(
                    passages.map { .object(["id": .text($0.id), "text": .text($0.text)]) }),
            ])
    }

    static func escalatePrompt(
        question: String, answer: String, round: Int, rounds: Int = 8, budget: Int? = nil,
        dimensions: [String] = [
            "knowledge-expansion", "conceptual-abstraction", "factual-grounding",
            "computational-formulation",
        ]
    ) -> String {
        PromptFixture.render(
            "escalate",
            [
                "round": .text("\(round)"), "rounds": .text("\(rounds)"),
                "question": .text(question), "answer": .text(answer),
                "dimensions": .list(dimensions.map { .text($0) }),
                "has_tools": .flag(budget != nil), "budget": .text("\(budget ?? 0)"),
            ])
    }

    static func answerPrompt(_ question: String) -> String {
        PromptFixture.render("answer", ["question": .text(question)])
    }

    static func expertPrompt(_ question: String) -> String {
        PromptFixture.render("expert", ["question": .text(question)])
    }

    static func judgePrompt(
        question: String, reference: String, response: String, tolerance: Double = 0.01
    ) -> String {
        PromptFixture.render(
            "judge",
            [
                "question": .text(question), "reference": .text(reference),
                "response": .text(response), "tolerance": .text("\(tolerance)"),
            ])
    }

    static let tools: [ToolDefinition] = [
        ToolDefinition(
            name: "search", description: "BM25 search over the corpus.",
            parameters: [
                "type": "object", "properties": ["query": ["type": "string"]],
                "required": ["query"],
            ]),
        ToolDefinition(
            name: "browse", description: "Open a document or chunk by id.",
            parameters: [
                "type": "object",
                "properties": ["id": ["type": "string"], "offset": ["type": "integer"]],
                "required": ["id"],
            ]),
        ToolDefinition(
            name: "python", description: "Run a Python program in a sandbox.",
            parameters: [
                "type": "object", "properties": ["code": ["type": "string"]], "required": ["code"],
            ]),
    ]

    func send(_ request: ChatRequest) throws -> ChatCompletion {
        try simulator.respond(to: request)
    }

    func content(_ request: ChatRequest) throws -> String {
        try send(request).message?.content ?? ""
    }

    /// A seed item: the JSON of the seed stage for sample `sample`.
    func seed(
        model: String = "sim-writer", sample: Int, discipline: String = "physics"
    ) throws
        -> [String: JSONValue]
    {
        let request = ChatRequest(
            model: model, messages: [.user(Self.seedPrompt(discipline: discipline))],
            sampleIndex: sample)
        return try Self.object(content(request))
    }

    /// `item` refined once, without tools.
    func escalate(
        _ item: [String: JSONValue], round: Int, model: String = "sim-writer"
    ) throws
        -> [String: JSONValue]
    {
        let prompt = Self.escalatePrompt(
            question: item["question"]?.stringValue ?? "",
            answer: item["answer"]?.stringValue ?? "",
            round: round)
        return try Self.object(
            content(ChatRequest(model: model, messages: [.user(prompt)], sampleIndex: round)))
    }

    /// Runs the expert's agent loop with native tools, answering every call with a stub result,
    /// until it answers; returns the transcript, the last completion included.
    func runExpert(
        question: String, model: String = "sim-expert", sample: Int = 0, turns: Int = 12
    )
        throws -> [ChatMessage]
    {
        var messages: [ChatMessage] = [.user(Self.expertPrompt(question))]
        for _ in 0..<turns {
            let completion = try send(
                ChatRequest(
                    model: model, messages: messages, tools: Self.tools, sampleIndex: sample))
            let message = try unwrap(completion.message)
            messages.append(message)
            guard let calls = message.toolCalls else { break }
            for call in calls {
                messages.append(
                    .tool(
                        "{\"results\":[{\"id\":\"doc-\(call.id.suffix(4))\",\"text\":\"…\"}]}",
                        callID: call.id))
            }
        }
        return messages
    }

    static func object(_ text: String) throws -> [String: JSONValue] {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        guard case .object(let members) = value else {
            throw HarnessError("not a JSON object: \(text)")
        }
        return members
    }

    struct HarnessError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// The value, or an error saying what was missing: `#require` for helpers outside tests.
func unwrap<T>(_ value: T?, _ message: String = "missing value") throws -> T {
    guard let value else { throw SimulatorHarness.HarnessError(message) }
    return value
}
