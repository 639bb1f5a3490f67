import Basics
import LanguageModels
import Testing

@Suite("Judge")
struct JudgeTests {
    let harness = SimulatorHarness()

    private func verdict(
        reference: String, response: String, tolerance: Double = 0.01
    ) throws -> [String: JSONValue] {
        let prompt = SimulatorHarness.judgePrompt(
            question: "What is asked?", reference: reference, response: response,
            tolerance: tolerance)
        let text = try harness.content(
            ChatRequest(model: "sim-judge", messages: [.user(prompt)], temperature: 0))
        return try #require(StageSchema.object(text))
    }

    @Test(
        "the judge accepts exact answers, numbers within tolerance, and names in any case",
        arguments: [
            ("1143 N", "Some reasoning.\nAnswer: 1143 N"),
            ("1143 N", "Answer: 1,145 N"),
            ("83.3%", "Answer: 83.3 %"),
            ("83.3%", "**Answer:** 83.30 percent."),
            ("6.02e23", "Answer: 6.022e23"),
            ("Trendelenburg test", "answer: the trendelenburg test"),
            ("0.0012 mol", "<answer>0.0012 mol</answer>"),
            ("68 nm", "Final answer: 68"),
        ])
    func accepts(reference: String, response: String) throws {
        let result = try verdict(reference: reference, response: response)
        #expect(result["correct"] == .bool(true), "\(result)")
    }

    @Test(
        "the judge rejects wrong numbers, other units, other names and responses without an answer",
        arguments: [
            ("1143 N", "Answer: 1200 N"),
            ("1143 N", "Answer: 1143 kN"),
            ("83.3%", "Answer: 80%"),
            ("Trendelenburg test", "Answer: Patrick test"),
            ("68 nm", "I think it is 68 nm but I cannot be sure."),
            ("0", "Answer: 0.5"),
        ])
    func rejects(reference: String, response: String) throws {
        let result = try verdict(reference: reference, response: response)
        #expect(result["correct"] == .bool(false), "\(result)")
    }

    @Test("the judge reads the tolerance from the prompt")
    func toleranceFromPrompt() throws {
        #expect(
            try verdict(reference: "100 m", response: "Answer: 105 m")["correct"] == .bool(false))
        #expect(
            try verdict(reference: "100 m", response: "Answer: 105 m", tolerance: 0.1)["correct"]
                == .bool(true))
    }
}
