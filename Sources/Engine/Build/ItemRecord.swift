import Basics
import LanguageModels

/// A question and its reference answer at one point of its escalation.
struct QuestionState: Sendable, Hashable, Codable {
    var question: String
    var answer: String
    var explanation: String
    /// 0 for the seed question, k after k refinement rounds.
    var round: Int
    var dimensions: [String] = []
    var toolsUsed: [String] = []

    enum CodingKeys: String, CodingKey {
        case question, answer, explanation, round, dimensions
        case toolsUsed = "tools_used"
    }
}

/// A judged attempt: what the solver answered and whether the judge found it correct.
struct Verdict: Sendable, Hashable, Codable {
    var solver: String
    var attempt: Int
    var response: String
    var extracted: String
    var correct: Bool
    var reason: String
    /// Why the attempt counts as failed without a judgement (no answer, unreadable verdict).
    var problem: String?
    var calls: [Digest]
}

/// One refinement round.
struct RoundRecord: Sendable, Hashable, Codable {
    var round: Int
    /// The refined state; nil when the round failed.
    var state: QuestionState?
    var failure: String?
    var toolCalls: Int
    var calls: [Digest]
    /// The peer's attempt at the refined question, under `stop: peer-fails`.
    var peer: Verdict?

    enum CodingKeys: String, CodingKey {
        case round, state, failure, peer, calls
        case toolCalls = "tool_calls"
    }
}

/// An expert attempt: its trajectory and verdict.
struct ExpertAttempt: Sendable, Hashable, Codable {
    var run: AgentRun
    var verdict: Verdict
}

/// Where an item ends up.
public enum Bucket: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the band: the peer fails, the expert succeeds (`sft`).
    case zpd
    /// The peer solves it: too easy for post-training (`cpt`).
    case tooEasy = "too-easy"
    /// The expert never solves it (`review`).
    case tooHard = "too-hard"
    /// The expert solves it, but fewer times than the band requires.
    case outside
    /// A ZPD item too similar to one already kept.
    case duplicate
    /// A stage could not produce it (a reply unreadable after repair, a call that failed).
    case failed
}

/// Everything the pipeline learned about one item, from its unit to its bucket.
struct ItemRecord: Sendable, Hashable, Codable {
    var id: String
    var unit: String
    var chunks: [String]
    var discipline: String
    var seed: QuestionState?
    var seedCalls: [Digest]
    var rounds: [RoundRecord] = []
    var peer: [Verdict] = []
    var expert: [ExpertAttempt] = []
    var bucket: Bucket = .failed
    var failure: String?

    /// The last good state: what calibration judged.
    var final: QuestionState? {
        rounds.last { $0.state != nil }?.state ?? seed
    }

    /// Every call key, in pipeline order.
    var calls: [Digest] {
        seedCalls + rounds.flatMap { $0.calls + ($0.peer?.calls ?? []) }
            + peer.flatMap(\.calls) + expert.flatMap { $0.run.calls + $0.verdict.calls }
    }
}
