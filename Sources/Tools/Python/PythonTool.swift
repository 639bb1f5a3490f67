public import Basics

/// `python`: runs the model's program in a sandbox (see ``PythonSandbox``) and answers with
/// what it printed.
///
/// Each run gets a wall-time limit (the process group is killed when it passes), an
/// address-space limit, a fresh private working directory that is removed afterwards (also
/// `HOME`), an environment of only `PATH`, `HOME` and `LANG`, and, where the kernel allows it,
/// no network. Standard output and standard error are kept together, in order, up to
/// `maxOutput` bytes. A program that fails, crashes or times out is an error result, never a
/// thrown error.
public struct PythonTool: Tool {
    /// The settings of a python tool.
    public struct Configuration: Sendable, Hashable {
        /// Seconds of wall time per run.
        public var timeout: Double
        /// Bytes of address space per run.
        public var memory: Int
        /// Bytes of output kept per run.
        public var maxOutput: Int

        /// Settings with the recipe's defaults (10 s, 512 MB, 64 KB) unless given.
        public init(timeout: Double = 10, memory: Int = 512 << 20, maxOutput: Int = 64 << 10) {
            self.timeout = timeout
            self.memory = memory
            self.maxOutput = maxOutput
        }
    }

    /// The name the model calls the tool by.
    public let name: String
    /// The tool's limits.
    public let settings: Configuration
    private let sandbox: PythonSandbox

    /// A python tool called `name`, running programs in `sandbox`.
    public init(
        name: String = "python", sandbox: PythonSandbox, configuration: Configuration = .init()
    ) {
        self.name = name
        self.sandbox = sandbox
        settings = configuration
    }

    /// Whether programs run without network (see ``PythonSandbox/networkIsolated``).
    public var networkIsolated: Bool { sandbox.networkIsolated }

    /// Why programs run with network access, for the CLI to show; nil when they do not.
    public var warning: String? { sandbox.warning }

    /// Version 1: the first sandbox and result format. Bump on any change to what a run
    /// returns.
    public var version: Int { 1 }

    public var reads: Digest? { nil }

    public var configuration: JSONValue {
        [
            "kind": "python", "timeout": .number(settings.timeout),
            "memory": .integer(settings.memory), "max_output": .integer(settings.maxOutput),
        ]
    }

    public var definition: JSONValue {
        [
            "name": .string(name),
            "description": .string(
                "Run a Python 3 program and get what it prints (standard output and standard "
                    + "error, the first \(settings.maxOutput) bytes). Each run starts fresh in an "
                    + "empty temporary directory, with \(Self.seconds(settings.timeout)) s of "
                    + "time and \(settings.memory >> 20) MB of memory; print the values you need."
            ),
            "parameters": [
                "type": "object",
                "properties": [
                    "code": [
                        "type": "string",
                        "description": "The complete Python program to run.",
                    ]
                ],
                "required": ["code"],
            ],
        ]
    }

    public func run(_ arguments: JSONValue) async throws -> ToolResult {
        let code: String
        do {
            code = try ToolArguments(arguments).string("code")
        } catch {
            return error.result
        }
        let outcome = try await sandbox.run(
            code, timeout: settings.timeout, memory: settings.memory,
            outputLimit: settings.maxOutput)
        return result(of: outcome)
    }

    /// The output, with notes on truncation and on how the run ended when it failed.
    func result(of outcome: ProcessRunner.Outcome) -> ToolResult {
        var text = outcome.output.text
        var notes: [String] = []
        if outcome.output.truncated {
            notes.append(
                "[output truncated: showing the first \(outcome.output.kept.count) of "
                    + "\(outcome.output.total) bytes]")
        }
        let failed: Bool
        if outcome.flooded {
            failed = true
            notes.append(
                "[stopped: the program printed more than "
                    + "\(ProcessRunner.floodLimit(for: settings.maxOutput) >> 20) MB]")
        } else if outcome.timedOut {
            failed = true
            notes.append("[timed out after \(Self.seconds(settings.timeout))s]")
        } else {
            switch outcome.termination {
            case .exited(0):
                failed = false
            case .exited(let status):
                failed = true
                var note = "[exit status \(status)"
                if text.contains("MemoryError") {
                    note += "; the memory limit is \(settings.memory >> 20) MB"
                }
                notes.append(note + "]")
            case .signaled(let signal):
                failed = true
                notes.append("[killed by signal \(signal)]")
            }
        }
        if text.isEmpty && notes.isEmpty { text = "(no output)" }
        if !notes.isEmpty {
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += notes.joined(separator: "\n")
        }
        return ToolResult(text: text, isError: failed, truncated: outcome.output.truncated)
    }

    /// Seconds without a fraction when whole (`1`, `2.5`).
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
