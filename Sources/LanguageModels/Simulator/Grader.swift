internal import Basics

/// Grades a response as the `judge` template asks: extracts the final answer and compares it
/// with the reference, strictly (see `AnswerMatching`).
enum Grader {
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
