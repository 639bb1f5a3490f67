internal import Foundation

/// Where and how sandboxed Python runs on this machine: the interpreter, and whether the kernel
/// lets runs go without network.
///
/// Prepare one per process and share it among the python tools. Preparing finds the interpreter
/// and tries `unshare --user --net` (then `unshare --net`, which works where the process is
/// privileged); when neither works, programs run with network access, ``networkIsolated`` is
/// false and ``warning`` says why, for the CLI to show.
public struct PythonSandbox: Sendable {
    /// The absolute path of the Python interpreter programs run with.
    public let interpreter: String
    /// Whether programs run in a network namespace of their own, with only a loopback
    /// interface that is down.
    public let networkIsolated: Bool
    /// Why programs run with network access; nil when they do not.
    public let warning: String?

    /// The `unshare` options that isolate the network; nil to run without.
    let isolation: [String]?
    /// The `PATH` programs (and the probes) get.
    let searchPath: String
    /// Where private working directories are made.
    let temporaryDirectory: String

    /// Finds `python` (a name looked up in `searchPath`, or a path) and checks whether runs can
    /// be cut off from the network; with `isolateNetwork` false, does not try. Throws when the
    /// interpreter cannot be run.
    ///
    /// - Parameters:
    ///   - searchPath: The `PATH` to find `python`, `unshare` and `env` in, which programs
    ///     also get (the environment is passed down, never read here).
    ///   - temporaryDirectory: Where each run's private working directory is made.
    public static func prepare(
        python: String = "python3", searchPath: String, temporaryDirectory: String,
        isolateNetwork: Bool = true
    ) async throws -> PythonSandbox {
        let environment = ["PATH": searchPath, "HOME": temporaryDirectory, "LANG": "C.UTF-8"]
        let found = try await ProcessRunner.run(
            "env", [python, "-I", "-c", "import sys; print(sys.executable)"],
            environment: environment, timeout: probeTimeout, outputLimit: 4096)
        let printed = found.output.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard found.termination == .exited(0), !printed.isEmpty, !printed.contains("\n") else {
            throw ToolError(
                "cannot run '\(python)' (searched PATH '\(searchPath)'): "
                    + Self.firstLine(of: found.output.text, or: "it printed nothing"))
        }
        guard isolateNetwork else {
            return PythonSandbox(
                interpreter: printed, networkIsolated: false,
                warning: "python programs run with network access: isolation is turned off",
                isolation: nil, searchPath: searchPath, temporaryDirectory: temporaryDirectory)
        }
        var failure = ""
        for options in [["--user", "--net"], ["--net"]] {
            let problem = await Self.isolationProblem(
                options, interpreter: printed, environment: environment)
            guard let problem else {
                return PythonSandbox(
                    interpreter: printed, networkIsolated: true, warning: nil, isolation: options,
                    searchPath: searchPath, temporaryDirectory: temporaryDirectory)
            }
            if failure.isEmpty { failure = problem }
        }
        return PythonSandbox(
            interpreter: printed, networkIsolated: false,
            warning: "python programs run with network access: 'unshare --user --net' did not "
                + "work here (\(failure)); the kernel or container may not allow user or network "
                + "namespaces",
            isolation: nil, searchPath: searchPath, temporaryDirectory: temporaryDirectory)
    }

    /// Seconds a probe may take.
    static let probeTimeout = 30.0

    /// Runs `code` in a fresh private directory with at most `memory` bytes of address space
    /// for `timeout` seconds, keeping `outputLimit` bytes of its output.
    func run(
        _ code: String, timeout: Double, memory: Int, outputLimit: Int
    ) async throws -> ProcessRunner.Outcome {
        try await ScratchDirectory.with(in: temporaryDirectory) { scratch in
            let work = scratch.file("work")
            let program = scratch.file("program.py")
            do {
                try FileManager.default.createDirectory(
                    atPath: work, withIntermediateDirectories: false)
                try Data(code.utf8).write(to: URL(fileURLWithPath: program))
            } catch {
                throw ToolError("cannot prepare a python run in '\(scratch.path)': \(error)")
            }
            let python =
                [interpreter]
                + PythonBootstrap.arguments(memory: memory, directory: work, program: program)
            let environment = ["PATH": searchPath, "HOME": work, "LANG": "C.UTF-8"]
            if let isolation {
                return try await ProcessRunner.run(
                    "unshare", isolation + ["--"] + python, environment: environment,
                    timeout: timeout, outputLimit: outputLimit)
            }
            return try await ProcessRunner.run(
                "env", python, environment: environment, timeout: timeout,
                outputLimit: outputLimit)
        }
    }

    /// Why `unshare options` cannot run the interpreter in a network namespace that has only
    /// a loopback interface; nil when it can.
    private static func isolationProblem(
        _ options: [String], interpreter: String, environment: [String: String]
    ) async -> String? {
        let check =
            "import socket, sys; "
            + "sys.exit(0 if [n for _, n in socket.if_nameindex()] == ['lo'] else 3)"
        do {
            let outcome = try await ProcessRunner.run(
                "unshare", options + ["--", interpreter, "-I", "-c", check],
                environment: environment, timeout: probeTimeout, outputLimit: 4096)
            switch outcome.termination {
            case .exited(0): return nil
            case .exited(3): return "interfaces other than loopback remained"
            case .exited(let code):
                return firstLine(of: outcome.output.text, or: "exit status \(code)")
            case .signaled(let signal): return "killed by signal \(signal)"
            }
        } catch {
            return "\(error)"
        }
    }

    /// The first non-empty line of `text`, or `fallback`.
    private static func firstLine(of text: String, or fallback: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init) ?? fallback
    }
}
