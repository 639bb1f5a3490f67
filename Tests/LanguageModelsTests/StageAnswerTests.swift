import Basics
import LanguageModels
import Testing

@Suite("Stage answers")
struct StageAnswerTests {
    let harness = SimulatorHarness()

    @Test("a seed question is one JSON object whose short answer comes from the passages")
    func seedQuestion() throws {
        let passageText = SimulatorHarness.passages.map(\.text).joined(separator: " ")
        for sample in 0..<20 {
            let seed = try harness.seed(sample: sample)
            let text = try SimulatorHarness.object(
                harness.content(
                    ChatRequest(
                        model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())],
                        sampleIndex: sample)))
            #expect(text == seed)
            let answer = try #require(seed["answer"]?.stringValue)
            let question = try #require(seed["question"]?.stringValue)
            #expect(answer.count <= 40)
            let number = try #require(answer.split(separator: " ").first)
            #expect(passageText.contains(number), "answer '\(answer)' not from the passages")
            #expect(!question.contains(answer), "the question gives the answer away")
            let item = try #require(SimulatedItem(tagIn: question))
            #expect(item.level == 0 && item.discipline == "physics" && item.answer == answer)
            let explanation = seed["explanation"]?.stringValue ?? ""
            #expect(explanation.contains("phys-"))
        }
    }

    @Test(
        "a refinement is the JSON the escalate prompt asks for, one level up, with offered dimensions only"
    )
    func refinement() throws {
        for sample in 0..<20 {
            let seed = try harness.seed(sample: sample)
            let offered = ["factual-grounding", "computational-formulation"]
            let prompt = SimulatorHarness.escalatePrompt(
                question: seed["question"]!.stringValue!, answer: seed["answer"]!.stringValue!,
                round: 1, dimensions: offered)
            let text = try harness.content(
                ChatRequest(model: "sim-writer", messages: [.user(prompt)], sampleIndex: sample))
            #expect(StageSchema.isEscalation(text), "\(text)")
            let refined = try #require(StageSchema.object(text))
            let dimensions =
                refined["dimensions"].map { value -> [String] in
                    guard case .array(let items) = value else { return [] }
                    return items.compactMap(\.stringValue)
                } ?? []
            #expect(!dimensions.isEmpty && dimensions.allSatisfy(offered.contains))
            #expect(refined["tools_used"] == .array([]))
            let item = try #require(SimulatedItem(tagIn: refined["question"]!.stringValue!))
            #expect(item.level == 1)
            #expect(item.answer == refined["answer"]?.stringValue)
            if dimensions.contains("computational-formulation") {
                #expect(refined["answer"] != seed["answer"])
            }
        }
    }

    @Test("the peer reasons, then gives its final answer on the last line")
    func peerAnswer() throws {
        let seed = try harness.seed(sample: 1)
        let text = try harness.content(
            ChatRequest(
                model: "sim-peer",
                messages: [.user(SimulatorHarness.answerPrompt(seed["question"]!.stringValue!))]))
        let answer = try #require(StageSchema.finalAnswer(text))
        #expect(!answer.isEmpty)
        #expect(text.split(separator: "\n").count >= 2)
    }

    @Test("a judge verdict is the JSON object the judge prompt asks for")
    func judgeShape() throws {
        let prompt = SimulatorHarness.judgePrompt(
            question: "What is x?", reference: "68 nm", response: "Thinking.\nAnswer: 68 nm")
        let text = try harness.content(ChatRequest(model: "sim-judge", messages: [.user(prompt)]))
        #expect(StageSchema.isVerdict(text))
        #expect(StageSchema.object(text)?["correct"] == .bool(true))
        #expect(StageSchema.object(text)?["extracted"] == .string("68 nm"))
    }

    @Test("a passage to condense comes back as one dense paragraph with its facts")
    func condense() throws {
        let prompt = PromptFixture.render(
            "condense",
            [
                "text": .text(
                    "# Gases\n\n**Nitrogen**:  the mean free path is 68 nm.\n\n- Viscosity: 17.9 µPa s"
                )
            ])
        let text = try harness.content(ChatRequest(model: "sim-writer", messages: [.user(prompt)]))
        #expect(text == "Gases Nitrogen: the mean free path is 68 nm. Viscosity: 17.9 µPa s")
    }
}
