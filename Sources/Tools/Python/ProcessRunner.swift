internal import Basics
internal import Foundation
internal import Subprocess

/// Runs a command with a clean environment and a wall-time limit, collecting its standard
/// output and standard error together, up to a cap.
///
/// The command leads a session of its own, so on timeout (or cancellation) the whole process
/// group it started is killed, not just the command; so is whatever of that group is still
/// running when the output ends (background processes the command left behind).
enum ProcessRunner {
    /// How a finished command ended.
    enum Termination: Sendable, Hashable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// What a run produced.
    struct Outcome: Sendable {
        var output: OutputCapture
        var termination: Termination
        /// Whether the command was killed for running past its time limit.
        var timedOut: Bool
        /// Whether the command was killed for printing more than ``floodLimit(for:)`` bytes.
        var flooded = false
    }

    /// Output past which a command is stopped: reading a program that prints without end
    /// would take as long as its time limit allows, for bytes nobody keeps.
    static func floodLimit(for outputLimit: Int) -> Int {
        max(outputLimit * 64, 16 << 20)
    }

    /// Runs `executable` (looked up in the `PATH` of `environment`) with `arguments`; kills it
    /// after `timeout` seconds. Throws when it cannot be started, and on cancellation (after
    /// killing it).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        timeout: Double, outputLimit: Int
    ) async throws -> Outcome {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .zero)
        ]
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment {
            if let key = Environment.Key(rawValue: name) { variables[key] = value }
        }
        let configuration = Subprocess.Configuration(
            executable: .name(executable), arguments: Arguments(arguments),
            environment: .custom(variables), platformOptions: options)
        let result:
            ExecutionResult<
                (OutputCapture, Bool, Bool), SequenceOutput, CombinedErrorOutput
            >
        do {
            result = try await Subprocess.run(
                configuration, input: .none, output: .sequence, error: .combinedWithOutput
            ) { execution in
                try await collect(execution, timeout: timeout, outputLimit: outputLimit)
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw ToolError("cannot run '\(executable)': \(error)")
        }
        try Task.checkCancellation()
        let (output, deadlinePassed, flooded) = result.closureResult
        let termination: Termination
        switch result.terminationStatus {
        case .exited(let code): termination = .exited(code)
        case .signaled(let signal): termination = .signaled(signal)
        }
        // A command that ended on its own just as the deadline passed did not time out.
        let timedOut = deadlinePassed && termination == .signaled(SIGKILL)
        return Outcome(
            output: output, termination: termination, timedOut: timedOut && !flooded,
            flooded: flooded)
    }

    /// Reads the output to its end while a timer runs; when the timer wins, or the output
    /// passes the flood limit, kills the process group and reads what is left. Returns the
    /// output, whether the timer won, and whether the output flooded.
    private static func collect(
        _ execution: Execution<NoInput, SequenceOutput, CombinedErrorOutput>,
        timeout: Double, outputLimit: Int
    ) async throws -> (OutputCapture, Bool, Bool) {
        enum Event: Sendable {
            case output(OutputCapture, flooded: Bool)
            case deadline
        }
        let flood = floodLimit(for: outputLimit)
        return try await withThrowingTaskGroup(of: Event.self) { group in
            group.addTask {
                var capture = OutputCapture(limit: outputLimit)
                var flooded = false
                for try await buffer in execution.standardOutput {
                    buffer.withUnsafeBytes { capture.append($0) }
                    if !flooded && capture.total > flood {
                        flooded = true
                        try? execution.send(signal: .kill, toProcessGroup: true)
                    }
                }
                return .output(capture, flooded: flooded)
            }
            group.addTask {
                // Ends early when cancelled, which also stops the program.
                try? await Task.sleep(for: .seconds(max(0, timeout)))
                return .deadline
            }
            var timedOut = false
            while let event = try await group.next() {
                switch event {
                case .deadline:
                    timedOut = true
                    try? execution.send(signal: .kill, toProcessGroup: true)
                case .output(let capture, let flooded):
                    // The output has ended: the program has exited or closed it. Whatever it
                    // left running in its process group is stopped now.
                    try? execution.send(signal: .kill, toProcessGroup: true)
                    group.cancelAll()
                    return (capture, timedOut, flooded)
                }
            }
            throw InternalError("the output of a process ended without being reported")
        }
    }
}
