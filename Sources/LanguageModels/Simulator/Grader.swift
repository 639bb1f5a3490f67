internal import Basics

/// Grades a response as the `judge` template asks: extracts the final answer and compares it
/// with the reference, strictly (see `AnswerMatching`).
///
/// A weak judge (ability below 0.8: names with `peer`, `weak`, `small`, `tiny`, `student`) is
/// lenient: it passes a wrong final answer one time in four, drawn from the request. Other
/// judges are exact.
enum Grader {
    /// How often a weak judge passes a wrong answer.
    static let leniency = 0.25

    static func grade(
        _ task: JudgeTask, profile: SimulatorProfile, digest: Digest
    )
        -> [String: JSONValue]
    {
        var verdict = grade(task)
        if profile.ability < 0.8, verdict["correct"] == false,
            let extracted = verdict["extracted"]?.stringValue, !extracted.isEmpty
        {
            var random = DeterministicRandom(digest, "lenient-judge")
            if random.unit() < leniency {
                verdict["correct"] = true
                verdict["reason"] = "close enough"
            }
        }
        return verdict
    }

    static func grade(_ task: JudgeTask) -> [String: JSONValue] {
        guard let extracted = AnswerMatching.finalAnswer(in: task.response), !extracted.isEmpty
        else {
            return [
                "extracted": "", "correct": false,
                "reason": "the response gives no final answer",
            ]
        }
        let verdict = AnswerMatching.matches(
            extracted, reference: task.reference, tolerance: task.tolerance)
        return [
            "extracted": .string(extracted), "correct": .bool(verdict.correct),
            "reason": .string(verdict.reason),
        ]
    }
}
