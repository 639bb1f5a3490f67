import Foundation
import Synchronization

/// A `frontier` process started in the background, whose standard output arrives line by line
/// and which a test may kill: for crash and concurrency tests.
public final class ChildProcess: Sendable {
    private let process: Process
    private let errorText = Captured()
    /// Standard output, one element per line, finished when the process closes it.
    public let lines: AsyncStream<String>

    /// Starts `frontier arguments…` in `directory` with `environment` added to a minimal one.
    public init(
        _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws {
        let process = FrontierProcess.makeProcess(
            arguments, in: directory, environment: environment)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let (lines, continuation) = AsyncStream<String>.makeStream()
        self.lines = lines
        self.process = process
        let errorText = self.errorText
        // Both pipes are drained on threads of their own, so the child never blocks on a full
        // pipe whatever the test is doing.
        Thread.detachNewThread {
            let handle = output.fileHandleForReading
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    continuation.yield(
                        String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            if !pending.isEmpty { continuation.yield(String(decoding: pending, as: UTF8.self)) }
            continuation.finish()
        }
        Thread.detachNewThread {
            let data = error.fileHandleForReading.readDataToEndOfFile()
            errorText.bytes.withLock { $0 = data }
        }
        try ProcessLaunch.run(process)
    }

    /// Whether the process has not ended yet.
    public var isRunning: Bool { process.isRunning }

    /// Sends SIGINT, as Ctrl-C in a terminal does.
    public func interrupt() {
        Foundation.kill(process.processIdentifier, SIGINT)
    }

    /// Sends SIGKILL: the process dies at once, wherever it was.
    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the process to end and returns its exit status (or the signal that ended it).
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [process] in
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }

    /// Standard error so far (all of it once the process has ended and its pipe closed).
    public var standardError: String {
        errorText.bytes.withLock { String(decoding: $0, as: UTF8.self) }
    }
}

/// Bytes one thread captures and others read.
private final class Captured: Sendable {
    let bytes = Mutex(Data())
}
