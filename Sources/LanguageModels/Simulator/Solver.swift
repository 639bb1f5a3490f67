internal import Basics

/// Answers a question as a solver: correct with the world model's probability, otherwise with
/// a plausible wrong answer; reasoning first, then `Answer: …` on the last line (or
/// `<answer>…</answer>` when a tag-protocol prompt asks for it).
enum Solver {
    struct Attempt {
        var correct: Bool
        var answer: String
        var reply: SimulatorReply
    }

    static func answer(
        question: String, probability: Double, decision: Digest, withTools: Bool,
        session: AgentSession?, reasoning: Bool, malformed: Int?
    ) -> Attempt {
        let item = SimulatedItem(question: question)
        var random = DeterministicRandom(decision, "solve")
        let correct = item.answer != nil && random.unit() < probability
        let answer = correct ? item.answer! : wrongAnswer(to: item, question: question, decision)
        let body = SimulatedItem.body(of: question)
        let topics = TextScanning.keywords(body, count: 3)
        var lines = [
            "This is a question in \(item.discipline)"
                + (topics.isEmpty ? "." : " about \(SeedWriter.list(topics)).")
        ]
        if withTools, let session, session.callsMade > 0 {
            lines.append(
                "The \(session.callsMade) tool result\(session.callsMade == 1 ? "" : "s") "
                    + "narrow down the figures involved.")
        }
        lines.append(
            correct
                ? "Combining the facts step by step gives \(answer)."
                : "Working from what I recall, the result appears to be \(answer).")
        let thoughts = lines.joined(separator: " ")
        let text: String
        let finish: ChatCompletion.FinishReason
        if session?.wantsAnswerTags == true && malformed == nil {
            (text, finish) = (thoughts + "\n<answer>" + answer + "</answer>", .stop)
        } else {
            (text, finish) = Malformer.finalAnswer(
                reasoning: thoughts, answer: answer, variant: malformed)
        }
        let thinking =
            reasoning
            ? "The question asks for \(topics.first ?? "a figure"). Let me recall what I know "
                + "and check each step before answering." : nil
        return Attempt(
            correct: correct, answer: answer,
            reply: SimulatorReply(content: text, reasoning: thinking, finishReason: finish))
    }

    /// A plausible wrong answer: a number off by 15–80 % in either direction with the same
    /// unit, another name from the question, or a guess when the answer is unknown.
    static func wrongAnswer(to item: SimulatedItem, question: String, _ decision: Digest) -> String
    {
        var random = DeterministicRandom(decision, "wrong")
        guard let answer = item.answer else {
            return Quantity.format(1 + random.unit() * 999)
        }
        if let quantity = Quantity(answer) {
            let factor = 1.15 + random.unit() * 0.65
            let value = quantity.value == 0 ? 1 : quantity.value
            let wrong = random.chance(0.5) ? value * factor : value / factor
            return Quantity(value: wrong, unit: quantity.unit).formatted
        }
        let normalized = AnswerMatching.normalized(answer)
        let names = TextScanning.keywords(SimulatedItem.body(of: question), count: 6)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .filter { AnswerMatching.normalized($0) != normalized }
        let fallbacks = ["Maxwell", "Bernoulli", "Noether", "Darwin", "Keynes", "Curie", "Fourier"]
            .filter { AnswerMatching.normalized($0) != normalized }
        return random.pick(names.isEmpty ? fallbacks : names)
    }
}
