import Basics
import LanguageModels
import Testing

@Suite("World model")
struct WorldModelTests {
    let harness = SimulatorHarness()

    @Test("difficulty rises with every round and the peer's true solve probability falls")
    func difficultyRises() throws {
        for sample in 0..<20 {
            var item = try harness.seed(sample: sample)
            var difficulties: [Double] = []
            var probabilities: [Double] = []
            for round in 0...6 {
                if round > 0 { item = try harness.escalate(item, round: round) }
                let question = item["question"]!.stringValue!
                difficulties.append(harness.simulator.difficulty(ofQuestion: question))
                probabilities.append(
                    harness.simulator.trueSolveProbability(
                        model: "sim-peer", question: question, withTools: false))
                #expect(SimulatedItem(tagIn: question)?.level == round)
            }
            #expect(zip(difficulties, difficulties.dropFirst()).allSatisfy { $0 < $1 })
            #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 > $1 })
            #expect(probabilities.first! > 0.25 && probabilities.last! < 0.1)
        }
    }

    @Test("abilities follow the model name: peers are weaker, experts stronger, and tools help")
    func namedAbilities() throws {
        let question = try harness.escalate(harness.seed(sample: 3), round: 1)["question"]!
            .stringValue!
        func probability(_ model: String, _ tools: Bool) -> Double {
            harness.simulator.trueSolveProbability(
                model: model, question: question, withTools: tools)
        }
        #expect(probability("sim-peer", false) < probability("sim-writer", false))
        #expect(probability("sim-writer", false) < probability("sim-expert", false))
        for model in ["sim-peer", "sim-writer", "sim-expert"] {
            #expect(probability(model, true) > probability(model, false))
        }
        #expect(
            SimulatorProfile.derived(fromModelName: "Qwen3-Expert-72B")
                == SimulatorProfile.derived(fromModelName: "Qwen3-Expert-72B"))
    }

    @Test("a profile overrides what the name implies")
    func profileOverride() throws {
        let question = try harness.seed(sample: 3)["question"]!.stringValue!
        let strongPeer = Simulator(
            SimulatorConfiguration(
                profiles: ["sim-peer": SimulatorProfile(ability: 9, toolBonus: 0)]))
        let weakPhysics = Simulator(
            SimulatorConfiguration(
                profiles: [
                    "sim-expert": SimulatorProfile(
                        ability: 9, toolBonus: 0, disciplineAbilities: ["physics": -9])
                ]))
        #expect(
            strongPeer.trueSolveProbability(model: "sim-peer", question: question, withTools: false)
                > 0.99)
        #expect(
            weakPhysics.trueSolveProbability(
                model: "sim-expert", question: question, withTools: true) < 0.01)
    }

    @Test(
        "an item's state is recovered from its question text alone, whatever its discipline and answer"
    )
    func stateFromText() throws {
        let odd = SimulatedItem(
            id: "0123456789ab", level: 7, discipline: "computer science, AI & ML [2]",
            answer: "ΔG = −32.5 kJ/mol | \"quoted\"")
        let question = "What is it? " + odd.tag
        #expect(SimulatedItem(tagIn: question) == odd)
        #expect(SimulatedItem(question: question) == odd)
        #expect(SimulatedItem.body(of: question) == "What is it?")
        let plain = SimulatedItem(
            id: "0123456789ab", level: 0, discipline: "earth-science", answer: "3")
        #expect(plain.tag == "[sim-item 0123456789ab L0 earth-science | Mw]")
        for character in "<>&\"'" { #expect(!odd.tag.contains(character)) }
    }

    @Test("a question the simulator did not write is never solved and gets a stand-in state")
    func untaggedQuestions() throws {
        let question = "Which enzyme catalyses the first committed step of glycolysis?"
        #expect(
            harness.simulator.trueSolveProbability(
                model: "sim-expert", question: question, withTools: true) == 0)
        let item = SimulatedItem(question: question)
        #expect(item.answer == nil && item.discipline == "general" && item.level == 0)
        let text = try harness.content(
            ChatRequest(
                model: "sim-expert", messages: [.user(SimulatorHarness.answerPrompt(question))]))
        #expect(StageSchema.finalAnswer(text) != nil)
    }
}
