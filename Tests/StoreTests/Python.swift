import Foundation
import TestSupport

/// A python3 process, for tests that need a second, non-Swift writer on a store file.
enum Python {
    /// Writes argv[2] blobs ("python blob N") into the store at argv[1], one transaction each:
    /// the first half once the store holds a call, the second once another call has arrived
    /// since, so its writes interleave with a concurrent writer's.
    static let writeBlobs = """
        import hashlib, sqlite3, sys, time
        db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
        count = int(sys.argv[2])

        def calls():
            return db.execute("SELECT count(*) FROM calls").fetchone()[0]

        def write(indices):
            for i in indices:
                data = f"python blob {i}".encode()
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO blobs (digest, bytes, created) VALUES (?, ?, ?) "
                    "ON CONFLICT (digest) DO NOTHING",
                    (hashlib.sha256(data).hexdigest(), data, time.time()))
                db.execute("COMMIT")

        while calls() == 0:
            pass
        write(range(count // 2))
        seen = calls()
        while calls() == seen:
            pass
        write(range(count // 2, count))
        """

    /// python3 on PATH, if any.
    static var path: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/python3" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// A running script.
    struct Running {
        let process: Process
        let exit: AsyncStream<Int32>
        let stderr: Pipe

        /// Waits for the script to end; its exit status and standard error.
        func result() async -> (status: Int32, stderr: String) {
            let status = await exit.first { _ in true } ?? -1
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            return (status, String(decoding: data, as: UTF8.self))
        }
    }

    /// Starts `python3 -c script arguments…`.
    static func start(_ script: String, arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let stderr = Pipe()
        process.standardError = stderr
        let (exit, continuation) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { process in
            continuation.yield(process.terminationStatus)
            continuation.finish()
        }
        try ProcessLaunch.run(process)
        return Running(process: process, exit: exit, stderr: stderr)
    }
}
