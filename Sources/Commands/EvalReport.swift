import Basics
import Engine
import Foundation

/// How `frontier eval` shows its scores: a table for people, JSON for tools.
enum EvalReport {
    static func text(_ reports: [EvaluationReport], exam: String) -> String {
        guard let first = reports.first else { return "" }
        let disciplines = Set(first.questions.map(\.discipline)).count
        var lines = [
            "exam: \(exam) (\(first.questions.count) questions, \(disciplines) "
                + "discipline\(disciplines == 1 ? "" : "s"))"
        ]
        for report in reports {
            let tools =
                report.subject.tools.isEmpty
                ? "no tools" : "tools: " + report.subject.tools.joined(separator: ", ")
            lines.append(
                "model: \(report.subject.role) (\(report.model)), \(tools), "
                    + "\(report.subject.attempts) attempt\(report.subject.attempts == 1 ? "" : "s") per question"
            )
        }
        lines.append("")
        var header = [pad("discipline", 12), pad("questions", 9, right: true)]
        for report in reports { header.append(pad(report.subject.role, 24)) }
        if reports.count == 2 { header.append("difference") }
        lines.append(header.joined(separator: "  ").trimmingTrailingSpaces())
        let names = first.disciplines.map(\.name)
        func row(_ name: String, _ scores: [EvaluationReport.Score]) -> String {
            var cells = [pad(name, 12), pad("\(scores.first?.questions ?? 0)", 9, right: true)]
            for score in scores { cells.append(pad(cell(score), 24)) }
            if scores.count == 2 {
                cells.append(points(scores[1].accuracy - scores[0].accuracy))
            }
            return cells.joined(separator: "  ").trimmingTrailingSpaces()
        }
        for name in names {
            let scores = reports.map { report in
                report.disciplines.first { $0.name == name }?.score
                    ?? .init(correct: 0, total: 0, questions: 0)
            }
            lines.append(row(name, scores))
        }
        lines.append(row("overall", reports.map(\.overall)))
        lines.append("")
        for report in reports {
            var text = "\(report.subject.role): pass@1 \(percent(report.passAt1))"
            if report.subject.attempts > 1 {
                text += ", pass@\(report.subject.attempts) \(percent(report.passAtK))"
            }
            text +=
                "; mean turns \(String(format: "%.2f", report.meanTurns)), tool calls "
                + "\(String(format: "%.2f", report.meanToolCalls)); zone: \(report.zone.rawValue) "
                + "(\(report.zone.range))"
            lines.append(text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ reports: [EvaluationReport], exam: String) -> JSONValue {
        func score(_ score: EvaluationReport.Score) -> JSONValue {
            let interval = score.interval
            return [
                "questions": .integer(score.questions), "attempts": .integer(score.total),
                "correct": .integer(score.correct), "accuracy": .number(rounded(score.accuracy)),
                "ci95": [.number(rounded(interval.low)), .number(rounded(interval.high))],
            ]
        }
        return [
            "exam": .string(exam), "questions": .integer(reports.first?.questions.count ?? 0),
            "models": .array(
                reports.map { report in
                    var disciplines: [String: JSONValue] = [:]
                    for (name, value) in report.disciplines { disciplines[name] = score(value) }
                    return [
                        "role": .string(report.subject.role), "model": .string(report.model),
                        "tools": .array(report.subject.tools.map { .string($0) }),
                        "attempts": .integer(report.subject.attempts),
                        "overall": score(report.overall), "disciplines": .object(disciplines),
                        "pass@1": .number(rounded(report.passAt1)),
                        "pass@k": .number(rounded(report.passAtK)),
                        "mean_turns": .number(rounded(report.meanTurns)),
                        "mean_tool_calls": .number(rounded(report.meanToolCalls)),
                        "zone": .string(report.zone.rawValue),
                    ]
                }),
        ]
    }

    static func line(_ value: JSONValue) -> String {
        ((try? value.prettyString()) ?? "{}")
            + (((try? value.prettyString()) ?? "").hasSuffix("\n") ? "" : "\n")
    }

    private static func cell(_ score: EvaluationReport.Score) -> String {
        let interval = score.interval
        return "\(percent(score.accuracy)) [\(percent(interval.low)), \(percent(interval.high))]"
    }

    private static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    private static func points(_ difference: Double) -> String {
        String(format: "%+.1f", difference * 100)
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
