import Basics
import LanguageModels
import Testing

/// Simulated items at escalation levels 0 to 6, made once and shared by the calibration tests.
enum CalibrationItems {
    static let questions: [String] = {
        let harness = SimulatorHarness()
        var questions: [String] = []
        for sample in 0..<600 {
            let discipline = ["physics", "biology", "economics"][sample % 3]
            guard var item = try? harness.seed(sample: sample, discipline: discipline) else {
                continue
            }
            for round in 0..<(sample % 7) {
                guard let refined = try? harness.escalate(item, round: round + 1) else { break }
                item = refined
            }
            if let question = item["question"]?.stringValue { questions.append(question) }
        }
        return questions
    }()
}

@Suite("Calibration against the ground truth")
struct CalibrationTests {
    let harness = SimulatorHarness()

    /// Compares successes with their true probabilities, overall and in bins of probability.
    ///
    /// Each attempt is an independent Bernoulli draw (its chance comes from the request digest),
    /// so the count of successes has variance Σ p(1 − p). Overall the tolerance is four standard
    /// deviations; per bin (at least 40 attempts) four standard deviations plus 0.02 for the
    /// spread of probabilities inside the bin. The draws are fixed by the requests, so the test
    /// is deterministic; the bounds say how far a correct simulator could land by chance.
    private func expectCalibrated(_ outcomes: [(probability: Double, correct: Bool)]) {
        let expected = outcomes.reduce(0) { $0 + $1.probability }
        let observed = Double(outcomes.filter(\.correct).count)
        let variance = outcomes.reduce(0) { $0 + $1.probability * (1 - $1.probability) }
        #expect(
            abs(observed - expected) <= 4 * variance.squareRoot() + 1, "\(observed) vs \(expected)")
        for bin in 0..<5 {
            let members = outcomes.filter { min(4, Int($0.probability * 5)) == bin }
            guard members.count >= 40 else { continue }
            let n = Double(members.count)
            let meanProbability = members.reduce(0) { $0 + $1.probability } / n
            let rate = Double(members.filter(\.correct).count) / n
            let spread = (members.reduce(0) { $0 + $1.probability * (1 - $1.probability) } / n / n)
                .squareRoot()
            #expect(
                abs(rate - meanProbability) <= 4 * spread + 0.02,
                "bin \(bin): \(rate) observed, \(meanProbability) expected over \(members.count)")
        }
    }

    @Test("over 600 items the peer's judged solve rate tracks its true solve probability")
    func peerTracksTruth() throws {
        let questions = CalibrationItems.questions
        #expect(questions.count == 600)
        var outcomes: [(probability: Double, correct: Bool)] = []
        for (index, question) in questions.enumerated() {
            let response = try harness.content(
                ChatRequest(
                    model: "sim-peer", messages: [.user(SimulatorHarness.answerPrompt(question))],
                    sampleIndex: index % 3))
            let reference = try #require(SimulatedItem(tagIn: question)?.answer)
            let verdict = try harness.content(
                ChatRequest(
                    model: "sim-judge",
                    messages: [
                        .user(
                            SimulatorHarness.judgePrompt(
                                question: question, reference: reference, response: response))
                    ]))
            let correct = StageSchema.object(verdict)?["correct"] == .bool(true)
            #expect(correct == (StageSchema.finalAnswer(response) == reference))
            outcomes.append(
                (
                    harness.simulator.trueSolveProbability(
                        model: "sim-peer", question: question, withTools: false), correct
                ))
        }
        #expect(
            outcomes.contains { $0.probability < 0.2 } && outcomes.contains { $0.probability > 0.8 }
        )
        expectCalibrated(outcomes)
    }

    @Test("over 500 items the expert's agent loop solves at its true probability with tools")
    func expertTracksTruth() throws {
        var outcomes: [(probability: Double, correct: Bool)] = []
        for (index, question) in CalibrationItems.questions.prefix(500).enumerated() {
            let transcript = try harness.runExpert(question: question, sample: index)
            let answer = StageSchema.finalAnswer(transcript.last?.content ?? "")
            let reference = SimulatedItem(tagIn: question)?.answer
            outcomes.append(
                (
                    harness.simulator.trueSolveProbability(
                        model: "sim-expert", question: question, withTools: true),
                    answer != nil && answer == reference
                ))
        }
        expectCalibrated(outcomes)
    }
}
