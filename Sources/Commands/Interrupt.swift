import Foundation
import Synchronization

/// Ctrl-C for long-running commands: the first SIGINT cancels the work, which stops cleanly;
/// another one more than a second later ends the process at once.
///
/// The handler only writes a byte to a pipe (all a signal handler may safely do); a thread of
/// its own reads the pipe and cancels the work. A plain handler works whichever thread the
/// kernel delivers the signal to, where a dispatch signal source misses signals delivered to
/// threads it does not watch.
enum Interrupt {
    /// Lets SIGINT reach this thread: a process started by one whose mask blocks it (some
    /// process launchers leave it so) would otherwise never see Ctrl-C. Threads started later
    /// by this one inherit the mask.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func cancellingOnSIGINT<T: Sendable>(
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return try await body() }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        signalPipe.store(writeEnd, ordering: .sequentiallyConsistent)
        // The handler goes in before the work starts: a signal that arrives earlier would
        // meet the disposition this process inherited (launchers often pass SIGINT ignored)
        // and be lost. Bytes written meanwhile wait in the pipe for the watcher.
        signal(SIGINT, interruptHandler)
        unblock()
        let task = Task { try await body() }
        let watcher = Thread {
            var first: Date?
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1, byte == Self.interruptByte {
                // A second Ctrl-C a moment after the first (not a double press) ends the
                // process at once.
                if let first, Date().timeIntervalSince(first) > 1 { exit(130) }
                first = first ?? Date()
                task.cancel()
            }
            close(readEnd)
        }
        watcher.start()
        defer {
            signal(SIGINT, SIG_DFL)
            var done: UInt8 = 0
            _ = write(writeEnd, &done, 1)
            close(writeEnd)
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    fileprivate static let interruptByte: UInt8 = 1
}

/// The write end of the interrupt pipe; an atomic, so the handler reads it without a lock.
private let signalPipe = Atomic<Int32>(-1)

private func interruptHandler(_: Int32) {
    var byte = Interrupt.interruptByte
    _ = write(signalPipe.load(ordering: .sequentiallyConsistent), &byte, 1)
}
