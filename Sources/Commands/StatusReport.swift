import Engine
import Foundation

/// `status`, `explain` and the forecast of `plan`, as text.
enum StatusReport {
    /// What is compared with what: the recipe and the last build.
    static func header(_ status: BuildStatus, verb: String) -> String {
        guard let baseline = status.baseline else {
            return "\(verb) '\(status.recipeName)': no build yet, every task is new"
        }
        return "\(verb) '\(status.recipeName)' against the last build, version "
            + "\(baseline.version) (\(VersionText.time(baseline.created)))"
    }

    /// Per node: tasks up to date, stale, new and gone, with why; then what a build would send.
    static func status(_ status: BuildStatus, reasonsPerNode: Int = 5) -> String {
        var lines = [header(status, verb: "status of"), ""]
        let width = max(8, status.nodes.map(\.id.count).max() ?? 0)
        lines.append(
            "node".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  up to date  stale   new  gone")
        for node in status.nodes {
            lines.append(
                node.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  " + pad(node.upToDate, 10) + "  " + pad(node.stale, 5) + "  "
                    + pad(node.new, 4) + "  " + pad(node.gone, 4))
            let reasons = reasonLines(node)
            for line in reasons.prefix(reasonsPerNode) { lines.append("    " + line) }
            if reasons.count > reasonsPerNode {
                lines.append(
                    "    … and \(reasons.count - reasonsPerNode) more "
                        + "(frontier explain RECIPE \(node.id))")
            }
        }
        lines.append("")
        lines += summary(status)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The node's own key changes, then its tasks' input changes with their counts.
    static func reasonLines(_ node: BuildStatus.Node) -> [String] {
        node.components
            + node.inputs.map {
                $0.text + ($0.tasks > 1 ? " (\($0.tasks) tasks)" : "")
            }
    }

    /// What a build would do: calls to send by model, and the outputs that would change.
    static func summary(_ status: BuildStatus) -> [String] {
        var lines: [String] = []
        let cached = status.models.reduce(0) { $0 + $1.cached }
        if status.upToDate {
            lines.append("up to date: a build would send nothing and change no file")
            return lines
        }
        let sending = status.models.filter { $0.toSend > 0 }
        if sending.isEmpty {
            let tasks = status.nodes.reduce(0) { $0 + $1.toRun }
            lines.append(
                "a build would send nothing"
                    + (tasks > 0
                        ? ": the \(RecipeLoading.count(tasks, "task")) to run need no new call"
                        : ""))
        } else {
            lines.append(
                "a build would send \(RecipeLoading.count(status.callsToSend, "call"))"
                    + (sending.isEmpty
                        ? ""
                        : " ("
                            + sending.map { "\($0.role) \($0.toSend)" }.joined(
                                separator: ", ") + ")")
                    + "; \(cached) answered from the store")
        }
        if !status.changedOutputs.isEmpty {
            lines.append(
                "outputs that would change: " + status.changedOutputs.joined(separator: ", "))
        }
        return lines
    }

    /// Per model: calls cached and to send, estimated tokens and cost.
    static func forecast(_ status: BuildStatus) -> String {
        var lines = ["forecast (a dry run against the store; nothing was sent):"]
        guard !status.models.isEmpty else {
            lines.append("  no model calls: every task replays from the store")
            if !status.changedOutputs.isEmpty {
                lines.append(
                    "  outputs that would change: " + status.changedOutputs.joined(separator: ", "))
            }
            return lines.joined(separator: "\n") + "\n"
        }
        let width = max(5, status.models.map(\.role.count).max() ?? 0)
        lines.append(
            "  " + "model".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  cached  to send   tokens in  tokens out      cost")
        for model in status.models {
            let out = (model.tokensOutIsBound && model.toSend > 0 ? "≤" : "") + "\(model.tokensOut)"
            lines.append(
                "  " + model.role.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  " + pad(model.cached, 6) + "  " + pad(model.toSend, 7) + "  "
                    + pad(model.tokensIn, 10) + "  " + padText(out, 10) + "  "
                    + padText(model.cost.map(BuildReport.dollars) ?? "-", 8))
        }
        let total = status.models.compactMap(\.cost)
        lines.append(
            "  total: \(RecipeLoading.count(status.callsToSend, "call")) to send"
                + (total.isEmpty ? "" : ", about " + BuildReport.dollars(total.reduce(0, +))))
        if !status.changedOutputs.isEmpty {
            lines.append(
                "  outputs that would change: " + status.changedOutputs.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        padText("\(number)", width)
    }

    private static func padText(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
