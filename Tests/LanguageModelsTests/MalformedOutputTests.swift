import Basics
import LanguageModels
import Testing

@Suite("Malformed output")
struct MalformedOutputTests {
    @Test("the malformed rate holds over 2,000 requests of each structured kind")
    func rateWithinTolerance() throws {
        // 2,000 independent draws at 10%: mean 200, standard deviation 13.4. The bound of ±60
        // is 4.5 standard deviations; the draws are fixed by the requests, so this cannot flake.
        let harness = SimulatorHarness(SimulatorConfiguration(malformedRate: 0.1))
        var badVerdicts = 0
        var badSeeds = 0
        var badAnswers = 0
        for index in 0..<2000 {
            let judge = SimulatorHarness.judgePrompt(
                question: "Q\(index)?", reference: "\(index) m", response: "Answer: \(index) m")
            if !StageSchema.isVerdict(
                try harness.content(ChatRequest(model: "sim-judge", messages: [.user(judge)])))
            {
                badVerdicts += 1
            }
            let seed = ChatRequest(
                model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())], seed: index)
            if !StageSchema.isSeed(try harness.content(seed)) { badSeeds += 1 }
            let answer = ChatRequest(
                model: "sim-peer",
                messages: [.user(SimulatorHarness.answerPrompt("What is \(index)?"))])
            if StageSchema.finalAnswer(try harness.content(answer)) == nil { badAnswers += 1 }
        }
        for count in [badVerdicts, badSeeds, badAnswers] {
            #expect((140...260).contains(count), "\(badVerdicts) \(badSeeds) \(badAnswers)")
        }
    }

    @Test("at rate 1 every structured answer is malformed, and truncation says length")
    func alwaysMalformed() throws {
        let harness = SimulatorHarness(SimulatorConfiguration(malformedRate: 1))
        var lengths = 0
        for index in 0..<60 {
            let seed = try harness.send(
                ChatRequest(
                    model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())],
                    seed: index))
            #expect(!StageSchema.isSeed(seed.message?.content ?? ""))
            if seed.choices.first?.finishReason == .length { lengths += 1 }
            let first = try #require(
                harness.send(
                    ChatRequest(
                        model: "sim-expert",
                        messages: [.user(SimulatorHarness.expertPrompt("What is \(index)?"))],
                        tools: SimulatorHarness.tools)
                ).message)
            let arguments = try #require(first.toolCalls?.first?.function.arguments)
            #expect(StageSchema.object(arguments) == nil)
        }
        #expect(lengths > 0 && lengths < 60)
    }

    @Test("at rate 0 nothing is malformed")
    func neverMalformed() throws {
        let harness = SimulatorHarness()
        for index in 0..<200 {
            let seed = ChatRequest(
                model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())], seed: index)
            #expect(StageSchema.isSeed(try harness.content(seed)))
        }
    }
}
