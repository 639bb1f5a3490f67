/// What a request asks the simulator to do, recognised by `StageRecognizer`.
enum SimulatedTask: Hashable {
    /// Rewrite one passage densely (`condense` template).
    case condense(passage: String)
    /// Write a seed question from a knowledge unit (`seed` template).
    case seed(SeedTask)
    /// Refine a question, one round (`escalate` template).
    case escalate(EscalateTask)
    /// Answer a question: the peer's `answer` template, or the expert's without tools.
    case answer(question: String)
    /// Answer a question as an agent with tools (`expert` template, or any question with tools).
    case expert(question: String)
    /// Grade a response against a reference (`judge` template).
    case judge(JudgeTask)
    /// Anything else.
    case other(prompt: String)
}

/// A knowledge unit to write a seed question from.
struct SeedTask: Hashable {
    struct Passage: Hashable {
        var id: String
        var text: String
    }

    var discipline: String
    var passages: [Passage]
}

/// A question to refine.
struct EscalateTask: Hashable {
    var question: String
    var answer: String
    /// `round N of M`, when the prompt says.
    var round: Int?
    /// The dimensions the prompt offers, in its order.
    var dimensions: [String]
    /// Tool calls allowed this round, when the prompt says.
    var budget: Int?
}

/// A response to grade.
struct JudgeTask: Hashable {
    var question: String
    var reference: String
    var response: String
    var tolerance: Double
}
