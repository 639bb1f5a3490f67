internal import Foundation

/// The scores of one model on an exam.
public struct EvaluationReport: Sendable {
    public var subject: Evaluator.Subject
    /// `model @ endpoint`.
    public var model: String
    public var questions: [ExamQuestion]
    public var attempts: [EvaluationAttempt]

    /// Correct attempts out of attempts, with a 95% Wilson interval.
    public struct Score: Sendable, Hashable {
        public var correct: Int
        public var total: Int
        /// Questions the score covers.
        public var questions: Int

        public init(correct: Int, total: Int, questions: Int) {
            self.correct = correct
            self.total = total
            self.questions = questions
        }

        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        /// The 95% Wilson score interval of the accuracy (z = 1.96).
        public var interval: (low: Double, high: Double) {
            guard total > 0 else { return (0, 1) }
            let z = 1.959_963_984_540_054
            let n = Double(total)
            let p = accuracy
            let denominator = 1 + z * z / n
            let centre = (p + z * z / (2 * n)) / denominator
            let margin = z * ((p * (1 - p) + z * z / (4 * n)) / n).squareRoot() / denominator
            return (max(0, centre - margin), min(1, centre + margin))
        }
    }

    /// Every attempt together.
    public var overall: Score {
        Score(
            correct: attempts.filter(\.correct).count, total: attempts.count,
            questions: questions.count)
    }

    /// Scores by discipline, in name order.
    public var disciplines: [(name: String, score: Score)] {
        let byID = Dictionary(
            questions.map { ($0.id, $0.discipline) }, uniquingKeysWith: { a, _ in a })
        var groups: [String: [EvaluationAttempt]] = [:]
        for attempt in attempts {
            groups[byID[attempt.question] ?? "general", default: []].append(attempt)
        }
        var counts: [String: Int] = [:]
        for question in questions { counts[question.discipline, default: 0] += 1 }
        return groups.keys.sorted().map { name in
            let group = groups[name]!
            return (
                name,
                Score(
                    correct: group.filter(\.correct).count, total: group.count,
                    questions: counts[name] ?? 0)
            )
        }
    }

    /// The mean share of correct attempts per question: the expected accuracy of one attempt.
    public var passAt1: Double { overall.accuracy }

    /// The share of questions with at least one correct attempt out of all of them.
    public var passAtK: Double {
        let solved = Set(attempts.filter(\.correct).map(\.question))
        return questions.isEmpty ? 0 : Double(solved.count) / Double(questions.count)
    }

    public var meanTurns: Double {
        attempts.isEmpty ? 0 : Double(attempts.reduce(0) { $0 + $1.turns }) / Double(attempts.count)
    }

    public var meanToolCalls: Double {
        attempts.isEmpty
            ? 0 : Double(attempts.reduce(0) { $0 + $1.toolCalls }) / Double(attempts.count)
    }

    /// The paper's zones by overall accuracy: below 20% intrinsic competence, 20–60% reasoning
    /// bottleneck, above 60% emergent mastery.
    public var zone: Zone { Zone(accuracy: overall.accuracy) }

    public enum Zone: String, Sendable, Hashable {
        case intrinsicCompetence = "intrinsic competence"
        case reasoningBottleneck = "reasoning bottleneck"
        case emergentMastery = "emergent mastery"

        public init(accuracy: Double) {
            self =
                accuracy < 0.2
                ? .intrinsicCompetence : accuracy <= 0.6 ? .reasoningBottleneck : .emergentMastery
        }

        /// The accuracy range, as the paper writes it.
        public var range: String {
            switch self {
            case .intrinsicCompetence: "< 20"
            case .reasoningBottleneck: "20–60"
            case .emergentMastery: "> 60"
            }
        }
    }
}
