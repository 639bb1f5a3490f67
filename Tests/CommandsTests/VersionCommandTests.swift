import Basics
import Foundation
import TestSupport
import Testing

@Suite("frontier log, tag, show, export and gc by versions")
struct VersionCommandTests {
    static let outputs = ["sft", "cpt", "review"]

    /// SHA-256 of each output file in `directory`'s `out/quickstart/`, or of `exported/`.
    static func digests(in directory: String) throws -> [String: String] {
        var digests: [String: String] = [:]
        for name in outputs {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name).jsonl"))
            digests[name] = Digest(of: [UInt8](data)).hex
        }
        return digests
    }

    static func frontier(
        _ arguments: String..., in directory: TemporaryDirectory
    ) async throws
        -> CommandResult
    {
        let result = try await FrontierProcess.run(arguments, in: directory.path)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// Rewrites the recipe at `path` with `edit`.
    static func edit(
        _ path: String, in directory: TemporaryDirectory, _ edit: (String) -> String
    )
        throws
    {
        let file = directory.file(path)
        try edit(try String(contentsOfFile: file, encoding: .utf8)).write(
            toFile: file, atomically: true, encoding: .utf8)
    }

    @Test("export of the first version after three later builds reproduces its files byte for byte")
    func exportFirstVersion() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await StatusCommandTests.builtQuickStart(in: directory)
            let first = try Self.digests(in: directory.file("out/quickstart"))
            _ = try await Self.frontier("tag", "first", in: directory)
            for (from, to) in [
                ("dedup: 0.7", "dedup: 0.2"), ("model: sim-judge,", "model: sim-judge-large,"),
                ("per_unit: 1", "per_unit: 2"),
            ] {
                try Self.edit(recipe, in: directory) { $0.replacingOccurrences(of: from, with: to) }
                _ = try await Self.frontier("build", recipe, "--quiet", in: directory)
            }
            #expect(try Self.digests(in: directory.file("out/quickstart")) != first)
            let log = try await Self.frontier("log", in: directory)
            #expect(
                log.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(" ") }.count == 4)
            #expect(log.stdout.contains("changed: difficulty.dedup"), "\(log.stdout)")
            #expect(log.stdout.contains("(tag: first)"))
            _ = try await Self.frontier("export", "first", "-o", "exported", in: directory)
            #expect(try Self.digests(in: directory.file("exported")) == first)
            _ = try await Self.frontier("export", "HEAD~3", "-o", "again", in: directory)
            #expect(try Self.digests(in: directory.file("again")) == first)
        }
    }

    @Test("gc keeps a tagged first version exportable and makes the store smaller")
    func gcKeepsTaggedVersions() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await StatusCommandTests.builtQuickStart(in: directory)
            let first = try Self.digests(in: directory.file("out/quickstart"))
            _ = try await Self.frontier("tag", "v1", in: directory)
            for (from, to) in [
                ("model: sim-judge,", "model: sim-judge-large,"), ("dedup: 0.7", "dedup: 0.2"),
            ] {
                try Self.edit(recipe, in: directory) { $0.replacingOccurrences(of: from, with: to) }
                _ = try await Self.frontier("build", recipe, "--quiet", in: directory)
            }
            let store = directory.file(".frontier/store.sqlite")
            func size() throws -> Int {
                try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int ?? 0
            }
            // Counts, not bytes: opening and closing the store may checkpoint its journal.
            let counts = try await Self.frontier("cache", "stats", in: directory)
            let dryRun = try await Self.frontier(
                "cache", "gc", "--keep", "1", "--dry-run", in: directory)
            #expect(dryRun.stdout.contains("would remove 1 version"), "\(dryRun.stdout)")
            let unchanged = try await Self.frontier("cache", "stats", in: directory)
            func entries(_ stats: String) -> [Substring] {
                stats.split(separator: "\n").filter {
                    ["blobs:", "calls:", "tasks:", "versions:"].contains(
                        $0.split(separator: " ").first ?? "")
                }
            }
            #expect(entries(unchanged.stdout) == entries(counts.stdout))
            let before = try size()
            let gc = try await Self.frontier("cache", "gc", "--keep", "1", in: directory)
            #expect(gc.stdout.contains("kept 2 versions"), "\(gc.stdout)")
            #expect(try size() < before)
            let log = try await Self.frontier("log", in: directory)
            #expect(log.stdout.contains("(tag: v1)"))
            _ = try await Self.frontier("export", "v1", "-o", "exported", in: directory)
            #expect(try Self.digests(in: directory.file("exported")) == first)
            let verify = try await Self.frontier("cache", "verify", in: directory)
            #expect(verify.status == 0)
        }
    }

    @Test("unknown, ambiguous and out-of-range versions are errors that say what exists")
    func badReferences() async throws {
        try await TemporaryDirectory.with { directory in
            _ = try await StatusCommandTests.builtQuickStart(in: directory)
            for (reference, message) in [
                ("nope", "no version 'nope'"), ("HEAD~5", "the store has 1 version"),
                ("HEAD~x", "is not HEAD~N"),
            ] {
                let result = try await FrontierProcess.run(["show", reference], in: directory.path)
                #expect(result.status == 1)
                #expect(result.stderr.contains(message), "\(result.stderr)")
            }
            let tag = try await FrontierProcess.run(["tag", "HEAD"], in: directory.path)
            #expect(tag.status == 64)
        }
    }
}
