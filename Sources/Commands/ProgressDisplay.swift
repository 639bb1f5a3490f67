import Basics
import Engine
import Foundation
import Synchronization

/// How `frontier build` shows its progress: redrawn in place on a terminal, a plain line every
/// few seconds otherwise, nothing with `--quiet`, or NDJSON events on standard output.
final class ProgressDisplay: Sendable {
    enum Mode: Sendable {
        case live, lines, quiet, events
    }

    let mode: Mode
    /// Lines drawn by the last live frame, to move back over.
    private let drawn = Mutex(0)

    init(mode: Mode) {
        self.mode = mode
    }

    /// Live on a terminal, lines otherwise.
    static func defaultMode() -> Mode {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
            ? .live : .lines
    }

    /// Runs `body` while refreshing the display from `progress`.
    func showing<T: Sendable>(
        _ progress: BuildProgress, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let interval: Duration? =
            switch mode {
            case .live: .milliseconds(200)
            case .lines: .seconds(5)
            case .quiet, .events: nil
            }
        guard let interval else { return try await body() }
        let refresher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                self.draw(progress.snapshot())
            }
        }
        defer { refresher.cancel() }
        return try await body()
    }

    func event(_ event: BuildProgress.Event) {
        switch (mode, event) {
        case (.events, _):
            Console.output(Self.line(Self.json(event)))
        case (.live, .warning(let message)):
            clear()
            Console.error("warning: \(message)\n")
        case (.lines, .warning(let message)), (.quiet, .warning(let message)):
            Console.error("warning: \(message)\n")
        case (.lines, .stageFinished(let stage)):
            Console.error("\(stage.name): \(Self.stageText(stage))\n")
        default:
            break
        }
    }

    /// Removes the live frame, if one is drawn.
    func clear() {
        guard mode == .live else { return }
        let lines = drawn.withLock { count in
            defer { count = 0 }
            return count
        }
        if lines > 0 { Console.error("\u{1B}[\(lines)A\u{1B}[J") }
    }

    func finish(_ summary: BuildSummary) {
        clear()
        switch mode {
        case .events:
            Console.output(Self.line(BuildReport.json(summary)))
        default:
            Console.output(BuildReport.text(summary))
        }
    }

    private func draw(_ snapshot: BuildProgress.Snapshot) {
        switch mode {
        case .live:
            let frame = Self.frame(snapshot)
            clear()
            Console.error(frame.joined(separator: "\n") + "\n")
            drawn.withLock { $0 = frame.count }
        case .lines:
            Console.error(Self.statusLine(snapshot) + "\n")
        case .quiet, .events:
            break
        }
    }

    /// The live frame: one line per stage, then calls, tokens, cost and ETA.
    static func frame(_ snapshot: BuildProgress.Snapshot) -> [String] {
        var lines = snapshot.stages.map { stage in
            "  " + stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + stageText(stage)
        }
        let models = snapshot.models.map { "\($0.role) \($0.sent)/\($0.cached)" }
        lines.append("  calls     sent/cached by model: " + models.joined(separator: ", "))
        lines.append("  " + statusLine(snapshot))
        return lines
    }

    static func stageText(_ stage: BuildProgress.Stage) -> String {
        var text = stage.total > 0 ? "\(stage.done)/\(stage.total) done" : "\(stage.done) done"
        if stage.tasksCached > 0 {
            text += " (\(stage.tasksRun) ran, \(stage.tasksCached) up to date)"
        }
        if stage.callsSent + stage.callsCached > 0 {
            text += " · \(stage.callsSent) sent, \(stage.callsCached) cached"
        }
        if stage.failed > 0 { text += " · \(stage.failed) failed" }
        return text
    }

    static func statusLine(_ snapshot: BuildProgress.Snapshot) -> String {
        var text =
            "items \(snapshot.itemsFinished)/\(snapshot.itemsTotal); calls \(snapshot.callsSent) "
            + "sent, \(snapshot.callsCached) cached; tokens \(snapshot.tokensIn) in, "
            + "\(snapshot.tokensOut) out; cost \(BuildReport.dollars(snapshot.cost))"
        if let eta = snapshot.eta() { text += "; ETA \(BuildReport.seconds(eta))" }
        return text
    }

    static func json(_ event: BuildProgress.Event) -> JSONValue {
        switch event {
        case .stageStarted(let name, let total):
            ["event": "stage-started", "stage": .string(name), "total": .integer(total)]
        case .stageFinished(let stage):
            [
                "event": "stage-finished", "stage": .string(stage.name),
                "done": .integer(stage.done), "failed": .integer(stage.failed),
                "calls_sent": .integer(stage.callsSent),
                "calls_cached": .integer(stage.callsCached),
                "tasks_run": .integer(stage.tasksRun), "tasks_cached": .integer(stage.tasksCached),
            ]
        case .itemFinished(let id, let bucket):
            ["event": "item-finished", "id": .string(id), "bucket": .string(bucket)]
        case .warning(let message):
            ["event": "warning", "message": .string(message)]
        }
    }

    static func line(_ value: JSONValue) -> String {
        ((try? value.canonicalString()) ?? "{}") + "\n"
    }
}
