import Basics
import Foundation
import LanguageModels
import TestSupport
import Testing

@testable import Store

/// A small deterministic generator, so a failing kill schedule can be replayed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Calls survive crashes and sharing", .serialized)
struct CallDurabilityTests {
    @Test(
        "killed with SIGKILL at 10 points, a 2,000-call run loses only the calls in flight and never re-sends a committed one"
    )
    func crashes() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var random = SplitMix(state: seed)
        try await AskWorkspace.with({ $0.latency = .milliseconds(40) }) { workspace in
            let prompts = try workspace.prompts(0..<2_000)
            var logSizes: [Int] = [0]
            var inFlight = 0
            // After each kill: how long the server's log was, and what the store had committed.
            var watermarks: [(logSize: Int, committed: Set<Digest>)] = []
            for kill in 0..<10 {
                let child = try ChildProcess(
                    workspace.askArguments(prompts), in: workspace.directory.path)
                let target = kill * 180 + Int.random(in: 20...160, using: &random)
                var read = 0
                for await _ in child.lines {
                    read += 1
                    if read == target { break }
                }
                child.kill()
                let status = await child.wait()
                #expect(status != 0, "run \(kill) finished before its kill (seed \(seed))")

                let committed = try await Self.committedRequests(workspace.store)
                let log = await workspace.server.requestLog()
                let previous = logSizes.last!
                let sentThisRun = Set(log[previous...].map(\.bodySHA256))
                inFlight += sentThisRun.subtracting(committed).count
                logSizes.append(log.count)
                watermarks.append((log.count, committed))
            }
            let final = try FrontierProcess.run(
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

            let verify = try FrontierProcess.run(
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
            let verify = try FrontierProcess.run(
                ["cache", "verify", "--store", workspace.store], in: workspace.directory.path)
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }
}
