import Basics
internal import Foundation

/// One exam question as an exam file holds it (the `exam` output of a build, or any JSONL with
/// `id`, `question`, `answer` and `discipline` fields).
public struct ExamQuestion: Sendable, Hashable {
    public var id: String
    public var question: String
    public var answer: String
    public var discipline: String
    /// Escalation rounds the question took (0 when the file does not say).
    public var rounds: Int

    public init(id: String, question: String, answer: String, discipline: String, rounds: Int = 0) {
        self.id = id
        self.question = question
        self.answer = answer
        self.discipline = discipline
        self.rounds = rounds
    }

    /// The questions of the JSONL file at `path`, in file order. Throws a ``BuildError`` naming
    /// the file and line of the first record that cannot be used.
    public static func read(_ path: String) throws -> [ExamQuestion] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildError("cannot read the exam '\(path)'")
        }
        var questions: [ExamQuestion] = []
        for (number, line) in String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingWhitespace().isEmpty {
            let location = "\(path):\(number + 1)"
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)),
                case .object(let record) = value
            else { throw BuildError("\(location): not a JSON object") }
            func field(_ name: String) throws -> String {
                guard let text = record[name]?.stringValue, !text.isEmpty else {
                    throw BuildError("\(location): the field \"\(name)\" is missing or empty")
                }
                return text
            }
            questions.append(
                ExamQuestion(
                    id: try field("id"), question: try field("question"),
                    answer: try field("answer"),
                    discipline: record["discipline"]?.stringValue ?? "general",
                    rounds: record["rounds"].flatMap {
                        if case .integer(let rounds) = $0 { rounds } else { nil }
                    } ?? 0))
        }
        return questions
    }
}
