import Basics
import Engine
import Foundation

/// The closing report of a build, as text for people and JSON for tools.
enum BuildReport {
    static func text(_ summary: BuildSummary) -> String {
        let progress = summary.progress
        let elapsed = Date().timeIntervalSince(progress.started)
        var lines: [String] = []
        let draws = summary.draws.map { "\($0.discipline) \($0.drawn)" }.joined(separator: ", ")
        var units = "  units    \(summary.units) of \(summary.unitsWanted) (\(draws))"
        let short = summary.draws.filter { $0.drawn < $0.wanted }
        if !short.isEmpty {
            units +=
                "; too few coherent units for "
                + short.map { "\($0.discipline) (\($0.drawn) of \($0.wanted))" }.joined(
                    separator: ", ")
        }
        lines.append(units)
        let order: [Bucket] = [.zpd, .tooEasy, .tooHard, .outside, .duplicate, .failed]
        let buckets = order.map { "\(summary.buckets[$0] ?? 0) \($0.rawValue)" }
        lines.append(
            "  items    \(summary.items): " + buckets.joined(separator: ", ")
                + " (yield \(percent(summary.yield)))")
        if let exam = summary.exam {
            var line =
                "  exam     \(exam.admitted) of \(exam.wanted) admitted (\(exam.judged) judged "
                + "from \(exam.candidates) candidate units)"
            if exam.shortfall > 0 {
                line += "; \(exam.shortfall) short: the exam corpus has too few admissible items"
            }
            lines.append(line)
        }
        let models = progress.models.map { "\($0.role) \($0.sent)/\($0.cached)" }
        lines.append(
            "  calls    \(progress.callsSent) sent, \(progress.callsCached) cached"
                + (models.isEmpty ? "" : " (sent/cached: " + models.joined(separator: ", ") + ")"))
        let truncated = progress.models.reduce(0) { $0 + $1.truncated }
        if truncated > 0 { lines.append("  cut      \(truncated) answers cut at max_tokens") }
        lines.append("  tools    \(progress.toolRuns) run, \(progress.toolsCached) cached")
        lines.append(
            "  tokens   \(progress.tokensIn) in, \(progress.tokensOut) out; cost "
                + dollars(progress.cost))
        for (index, output) in summary.outputs.enumerated() {
            let records = summary.records[output.name] ?? 0
            let changed = summary.changedOutputs.contains(output.path) ? "" : ", unchanged"
            lines.append(
                (index == 0 ? "  outputs  " : "           ")
                    + "\(output.name) \(output.path) "
                    + "(\(RecipeLoading.count(records, "record"))\(changed))")
        }
        if summary.sftWithoutCleanTrajectory > 0 {
            lines.append(
                "  note     \(summary.sftWithoutCleanTrajectory) ZPD items have no correct "
                    + "trajectory with well-formed tool calls and are not in sft")
        }
        if (summary.buckets[.failed] ?? 0) > 0 {
            lines.append(
                "  note     failed items are in the review file with the reason; building "
                    + "again retries them")
        }
        let head =
            summary.upToDate
            ? "up to date (\(seconds(elapsed)))"
            : "built in \(seconds(elapsed))"
        return head + "\n" + lines.joined(separator: "\n") + "\n"
    }

    static func json(_ summary: BuildSummary) -> JSONValue {
        let progress = summary.progress
        var buckets: [String: JSONValue] = [:]
        for bucket in Bucket.allCases {
            buckets[bucket.rawValue] = .integer(summary.buckets[bucket] ?? 0)
        }
        var outputs: [String: JSONValue] = [:]
        for output in summary.outputs {
            outputs[output.name] = [
                "path": .string(output.path),
                "records": .integer(summary.records[output.name] ?? 0),
                "changed": .bool(summary.changedOutputs.contains(output.path)),
            ]
        }
        return [
            "event": "summary", "up_to_date": .bool(summary.upToDate),
            "units": .integer(summary.units), "items": .integer(summary.items),
            "buckets": .object(buckets), "yield": .number(summary.yield),
            "calls_sent": .integer(progress.callsSent),
            "calls_cached": .integer(progress.callsCached),
            "tool_runs": .integer(progress.toolRuns),
            "tools_cached": .integer(progress.toolsCached),
            "tokens_in": .integer(progress.tokensIn), "tokens_out": .integer(progress.tokensOut),
            "cost": .number(progress.cost),
            "seconds": .number(Date().timeIntervalSince(progress.started)),
            "outputs": .object(outputs),
            "exam": summary.exam.map {
                [
                    "admitted": .integer($0.admitted), "wanted": .integer($0.wanted),
                    "judged": .integer($0.judged), "candidates": .integer($0.candidates),
                ]
            } ?? .null,
        ]
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    static func dollars(_ amount: Double) -> String {
        String(format: "$%.4f", amount)
    }

    static func seconds(_ value: Double) -> String {
        value < 60
            ? String(format: "%.1fs", value)
            : "\(Int(value) / 60)m\(String(format: "%02d", Int(value) % 60))s"
    }
}
