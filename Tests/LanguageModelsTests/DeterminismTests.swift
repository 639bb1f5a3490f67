import Basics
import Foundation
import LanguageModels
import Testing

@Suite("Determinism")
struct DeterminismTests {
    private func bytes(_ completion: ChatCompletion) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(completion)
    }

    @Test("the same request gives a byte-identical completion, from any simulator instance")
    func sameRequestSameBytes() throws {
        let harness = SimulatorHarness(SimulatorConfiguration(malformedRate: 0.3))
        let seed = try harness.seed(sample: 4)
        let question = seed["question"]!.stringValue!
        let requests = [
            ChatRequest(
                model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())], seed: 1),
            ChatRequest(
                model: "sim-peer", messages: [.user(SimulatorHarness.answerPrompt(question))]),
            ChatRequest(
                model: "sim-expert", messages: [.user(SimulatorHarness.expertPrompt(question))],
                tools: SimulatorHarness.tools, sampleIndex: 2),
            ChatRequest(
                model: "sim-judge",
                messages: [
                    .user(
                        SimulatorHarness.judgePrompt(
                            question: question, reference: "1", response: "Answer: 1"))
                ]),
        ]
        for request in requests {
            let first = try bytes(harness.send(request))
            let again = try bytes(
                Simulator(SimulatorConfiguration(malformedRate: 0.3)).respond(to: request))
            #expect(first == again)
        }
    }

    @Test("a different seed, or without a seed a different sample index, makes a different item")
    func seedAndSampleMatter() throws {
        let harness = SimulatorHarness()
        var ids: Set<String> = []
        for sample in 0..<10 {
            let question = try harness.seed(sample: sample)["question"]!.stringValue!
            ids.insert(try #require(SimulatedItem(tagIn: question)).id)
        }
        let bySeed = try (0..<10).map { seed in
            let request = ChatRequest(
                model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())], seed: seed)
            let question = try SimulatorHarness.object(harness.content(request))["question"]!
            return try #require(SimulatedItem(tagIn: question.stringValue!)).id
        }
        #expect(ids.count == 10)
        #expect(Set(bySeed).count == 10)
        #expect(ids.isDisjoint(with: bySeed))
    }

    @Test("with a seed, the sample index changes nothing: it never reaches an HTTP endpoint")
    func sampleIndexIgnoredWhenSeeded() throws {
        let harness = SimulatorHarness()
        let contents = try (0..<3).map { sample in
            try harness.content(
                ChatRequest(
                    model: "sim-writer", messages: [.user(SimulatorHarness.seedPrompt())],
                    seed: 7, sampleIndex: sample))
        }
        #expect(Set(contents).count == 1)
    }

    @Test("attempts that differ only in sample index succeed and fail independently")
    func attemptsDiffer() throws {
        let harness = SimulatorHarness()
        // An item the peer solves about half the time.
        var item = try harness.seed(sample: 0)
        var round = 0
        while harness.simulator.trueSolveProbability(
            model: "sim-peer", question: item["question"]!.stringValue!, withTools: false) > 0.6
        {
            round += 1
            item = try harness.escalate(item, round: round)
        }
        let question = item["question"]!.stringValue!
        let probability = harness.simulator.trueSolveProbability(
            model: "sim-peer", question: question, withTools: false)
        #expect(probability > 0.05)
        let answers = try (0..<60).map { sample in
            try StageSchema.finalAnswer(
                harness.content(
                    ChatRequest(
                        model: "sim-peer",
                        messages: [.user(SimulatorHarness.answerPrompt(question))],
                        sampleIndex: sample)))
        }
        let reference = try #require(SimulatedItem(tagIn: question)?.answer)
        let correct = answers.filter { $0 == reference }.count
        #expect(correct > 0 && correct < 60)
    }
}
