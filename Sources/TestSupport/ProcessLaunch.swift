public import Foundation

/// Starts Foundation processes one at a time.
///
/// Foundation's `Process.run()` on Linux has crashed inside the launch (a bad read while
/// copying its launch data) when tests started processes from several threads at once. The
/// launch is short, so holding one lock across it costs nothing; the processes still run,
/// and are waited for, concurrently.
public enum ProcessLaunch {
    private static let lock = NSLock()

    /// Runs `process`, with no other process of these tests starting meanwhile.
    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
