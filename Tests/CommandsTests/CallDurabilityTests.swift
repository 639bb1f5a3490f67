import Basics
import Foundation
import LanguageModels
import TestSupport
import Testing

@testable import Store

@Suite("Calls survive crashes and sharing", .serialized)
struct CallDurabilityTests {
    @Test(
        "killed with SIGKILL at 10 points, a 2,000-call run loses only the calls in flight and never re-sends a committed one"
    )
    func crashes() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var random = SplitMix64(seed: seed)
        try await AskWorkspace.with({ $0.latency = .milliseconds(40) }) { workspace in
            let prompts = try workspace.prompts(0..<2_000)
            var logSizes: [Int] = [0]
            var inFlight = 0
            // After each kill: how long the server's log was, and what the store had committed.
            var watermarks: [(logSize: Int, committed: Set<Digest>)] = []
            for kill in 0..<10 {
                let child = try ChildProcess(
                    workspace.askArguments(prompts), in: workspace.directory.path)
                // Killed once the server has seen a random number of this run's requests: the
                // child's output is block-buffered in a pipe, so lines read lag far behind the
                // work done, and a schedule on lines could let a run finish before its kill.
                let target = logSizes.last! + Int.random(in: 20...120, using: &random)
                // A thread of its own watches the count and kills: a test runner busy with
                // other tests may not schedule an async poll for seconds.
                let server = workspace.server
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    Thread.detachNewThread {
                        while server.requestCount < target, child.isRunning { usleep(500) }
                        child.kill()
                        done.resume()
                    }
                }
                let status = await child.wait()
                #expect(status != 0, "run \(kill) finished before its kill (seed \(seed))")

                // Requests the dead process wrote may still sit in socket buffers: wait until
                // the server has read them all, so they count towards this run.
                var settled = await workspace.server.statistics().requests
                while true {
                    try await Task.sleep(for: .milliseconds(100))
                    let now = await workspace.server.statistics().requests
                    if now == settled { break }
                    settled = now
                }
                let committed = try await Self.committedRequests(workspace.store)
                let log = await workspace.server.requestLog()
                let previous = logSizes.last!
                let sentThisRun = Set(log[previous...].map(\.bodySHA256))
                inFlight += sentThisRun.subtracting(committed).count
                logSizes.append(log.count)
                watermarks.append((log.count, committed))
            }
            let final = try await FrontierProcess.run(
                workspace.askArguments(prompts), in: workspace.directory.path)
            #expect(final.status == 0, "\(final.stderr)")
            #expect(final.stdout.split(separator: "\n").count == 2_000)

            let log = await workspace.server.requestLog()
            for (size, committed) in watermarks {
                let resent = log[size...].filter { committed.contains($0.bodySHA256) }
                #expect(resent.isEmpty, "\(resent.count) committed calls re-sent (seed \(seed))")
            }
            let chat = log.filter { $0.route == .chatCompletions }.count
            #expect(chat <= 2_000 + inFlight, "seed \(seed)")
            #expect(try await Self.committedRequests(workspace.store).count == 2_000)

            let verify = try await FrontierProcess.run(
                ["cache", "verify", "--store", workspace.store], in: workspace.directory.path)
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }

    /// The request digests of every call committed to the store at `path`.
    static func committedRequests(_ path: String) async throws -> Set<Digest> {
        let store = try SQLiteStore(path: path, mode: .existing)
        return Set(try await store.callEntries().map(\.request))
    }

    @Test("two processes sharing one store, each making 1,000 overlapping calls, both succeed")
    func sharedStore() async throws {
        try await AskWorkspace.with { workspace in
            let first = try workspace.prompts(0..<1_000, name: "first.txt")
            let second = try workspace.prompts(500..<1_500, name: "second.txt")
            let a = try ChildProcess(workspace.askArguments(first), in: workspace.directory.path)
            let b = try ChildProcess(workspace.askArguments(second), in: workspace.directory.path)
            async let aLines = a.lines.reduce(0) { count, _ in count + 1 }
            async let bLines = b.lines.reduce(0) { count, _ in count + 1 }
            #expect(await aLines == 1_000)
            #expect(await bLines == 1_000)
            #expect(await a.wait() == 0, "\(a.standardError)")
            #expect(await b.wait() == 0, "\(b.standardError)")
            #expect(try await Self.committedRequests(workspace.store).count == 1_500)
            let verify = try await FrontierProcess.run(
                ["cache", "verify", "--store", workspace.store], in: workspace.directory.path)
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }
}
