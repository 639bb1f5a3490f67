import Foundation

/// What a run of the `frontier` binary produced.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `frontier` executable as a user would, for end-to-end tests.
public enum FrontierProcess {
    /// A process for `frontier arguments…` in `directory`, with `environment` added to a minimal
    /// one (only PATH is inherited), not yet started.
    static func makeProcess(
        _ arguments: [String], in directory: String, environment: [String: String]
    ) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        base.merge(environment) { _, new in new }
        process.environment = base
        return process
    }

    /// The `frontier` binary beside the test bundle (`swift test` builds it there), or the one
    /// named by `FRONTIER_BINARY`.
    public static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["FRONTIER_BINARY"] { return path }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        // The runner may sit inside a bundle (`….xctest/Contents/MacOS/…`); walk up to the
        // build directory that holds the products.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("frontier").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "frontier"
    }

    /// Runs `frontier arguments…` in `directory` with `environment` (added to a minimal one),
    /// waits for it, and returns its status and output.
    ///
    /// The waiting happens on threads of its own, never on the concurrency pool, which has only
    /// as many threads as the machine has cores: blocking them all while children wait on
    /// servers running in this process would deadlock the tests.
    public static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) async throws -> CommandResult {
        let process = makeProcess(arguments, in: directory, environment: environment)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try ProcessLaunch.run(process)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // Both pipes are read to the end before waiting, so a large output cannot
                // block the child.
                let group = DispatchGroup()
                nonisolated(unsafe) var errorData = Data()
                group.enter()
                Thread.detachNewThread {
                    errorData = error.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let outputData = output.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(
                    returning: CommandResult(
                        status: process.terminationStatus,
                        stdout: String(decoding: outputData, as: UTF8.self),
                        stderr: String(decoding: errorData, as: UTF8.self)))
            }
        }
    }
}
