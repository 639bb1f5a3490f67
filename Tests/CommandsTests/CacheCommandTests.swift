import Basics
import Foundation
import TestSupport
import Testing

@testable import Store

/// `frontier cache stats|verify|gc` as a user runs them, against a store the test fills.
@Suite("frontier cache on the command line")
struct CacheCommandTests {
    /// A store at `path` with `calls` recorded calls and one build.
    static func fill(_ path: String, calls: Int) async throws -> SQLiteStore {
        let store = try SQLiteStore(path: path)
        for index in 0..<calls {
            try await store.record(
                CallRecord(
                    keyJSON: #"{"prompt":\#(index)}"#, request: Array("question \(index)".utf8),
                    response: Array("answer \(index)".utf8), model: "writer", endpoint: "sim",
                    tokensIn: 3, tokensOut: 2, latency: .milliseconds(5)))
        }
        let started = Date()
        try await store.record(
            BuildRecord(
                id: "build-1", started: started, finished: started, callsSent: 1, callsCached: 3))
        return store
    }

    @Test("cache stats shows entries, bytes and the last build's hit rate")
    func stats() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            _ = try await Self.fill(directory + "/.frontier/store.sqlite", calls: 4)
            let result = try await FrontierProcess.run(["cache", "stats"], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("store:    .frontier/store.sqlite ("))
            #expect(result.stdout.contains("blobs:    8 ("))
            #expect(result.stdout.contains("calls:    4\n"))
            #expect(result.stdout.contains("tasks:    0\n"))
            #expect(result.stdout.contains("last build: build-1, started "))
            #expect(
                result.stdout.contains("hit rate:   75.0% (3 of 4 calls served from the store)"))
            #expect(result.stderr.isEmpty)
        }
    }

    @Test("--store and FRONTIER_STORE choose the store; a missing store is an error, not created")
    func choosingTheStore() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/elsewhere.sqlite"
            _ = try await Self.fill(path, calls: 2)
            let byOption = try await FrontierProcess.run(
                ["cache", "stats", "--store", path], in: directory)
            #expect(byOption.stdout.contains("calls:    2\n"), "\(byOption.stderr)")
            let byEnvironment = try await FrontierProcess.run(
                ["cache", "stats"], in: directory, environment: ["FRONTIER_STORE": path])
            #expect(byEnvironment.stdout.contains("calls:    2\n"), "\(byEnvironment.stderr)")

            let missing = try await FrontierProcess.run(["cache", "verify"], in: directory)
            #expect(missing.status == 1)
            #expect(missing.stderr == "error: no store at '.frontier/store.sqlite'\n")
            #expect(!FileManager.default.fileExists(atPath: directory + "/.frontier"))
        }
    }

    @Test("cache verify exits 0 on a clean store and 1 listing every corrupt blob")
    func verify() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/store.sqlite"
            let store = try await Self.fill(path, calls: 10)
            let clean = try await FrontierProcess.run(
                ["cache", "verify", "--store", path], in: directory)
            #expect(clean.status == 0, "\(clean.stderr)")
            #expect(
                clean.stdout == "checked 20 blobs, 10 calls, 0 tasks, 0 versions: no faults\n")

            let damaged = (0..<3).map { Digest(of: "answer \($0)") }
            try await store.corrupt(damaged)
            let faulty = try await FrontierProcess.run(
                ["cache", "verify", "--store", path], in: directory)
            #expect(faulty.status == 1)
            #expect(faulty.stdout == "checked 20 blobs, 10 calls, 0 tasks, 0 versions: 3 faults\n")
            let lines = faulty.stderr.split(separator: "\n")
            #expect(lines.count == 3)
            for digest in damaged {
                #expect(
                    faulty.stderr.contains(
                        "error: blob \(digest.hex): bytes do not hash to the digest; used by call ")
                )
            }
        }
    }

    @Test("cache gc --dry-run reports what would go and removes nothing")
    func gcDryRun() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/store.sqlite"
            _ = try await Self.fill(path, calls: 5)
            let dryRun = try await FrontierProcess.run(
                ["cache", "gc", "--store", path, "--keep-days", "0", "--dry-run"], in: directory)
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(dryRun.stdout.hasPrefix("would remove 5 calls, 0 tasks, 10 blobs ("))
            let stats = try await FrontierProcess.run(
                ["cache", "stats", "--store", path], in: directory)
            #expect(stats.stdout.contains("calls:    5\n"))

            let kept = try await FrontierProcess.run(
                ["cache", "gc", "--store", path, "--keep-days", "30"], in: directory)
            #expect(kept.stdout.hasPrefix("removed 0 calls, 0 tasks, 0 blobs (0 B)"))

            let removed = try await FrontierProcess.run(
                ["cache", "gc", "--store", path, "--keep-days", "0"], in: directory)
            #expect(removed.stdout.hasPrefix("removed 5 calls, 0 tasks, 10 blobs ("))
            let after = try await FrontierProcess.run(
                ["cache", "verify", "--store", path], in: directory)
            #expect(after.stdout == "checked 0 blobs, 0 calls, 0 tasks, 0 versions: no faults\n")
        }
    }

    @Test("a negative --keep-days is a usage error")
    func negativeKeepDays() async throws {
        let result = try await FrontierProcess.run(["cache", "gc", "--keep-days=-1"], in: "/")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--keep-days must be 0 or more"))
    }
}
