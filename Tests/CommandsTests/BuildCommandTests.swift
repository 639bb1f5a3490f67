import Basics
import Foundation
import TestSupport
import Testing

@Suite("frontier build on the command line")
struct BuildCommandTests {
    static let root = Fixtures.repositoryRoot(from: #filePath)

    /// A copy of the repository's `recipes/` in `directory`, with `edit` applied to the quick
    /// start; the quick start's path.
    static func copyRecipes(
        into directory: TemporaryDirectory, edit: (String) -> String = { $0 }
    ) throws -> String {
        let target = directory.file("recipes")
        try FileManager.default.copyItem(atPath: root + "/recipes", toPath: target)
        let path = target + "/quickstart.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return "recipes/quickstart.yaml"
    }

    @Test(
        "the quick start builds on a fresh checkout, writes non-empty sft, cpt and review files, and is up to date the second time"
    )
    func quickStart() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try Self.copyRecipes(into: directory)
            let first = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("built in "), "\(first.stdout)")
            for name in ["sft", "cpt", "review"] {
                let path = directory.file("out/quickstart/\(name).jsonl")
                let data = FileManager.default.contents(atPath: path) ?? Data()
                #expect(!data.isEmpty, "\(name) is empty")
                #expect(first.stdout.contains("out/quickstart/\(name).jsonl"))
            }
            #expect(first.stderr.contains("calibrate:"), "progress lines on a pipe")

            let second = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.hasPrefix("up to date"), "\(second.stdout)")
            #expect(second.stdout.contains("calls    0 sent"))
        }
    }

    @Test("--events ndjson writes one JSON event per line, ending with the summary")
    func events() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try Self.copyRecipes(into: directory) { text in
                text.range(of: "\nexam:").map { String(text[..<$0.lowerBound]) + "\n" } ?? text
            }
            let result = try await FrontierProcess.run(
                ["build", recipe, "--limit", "2", "--events", "ndjson"], in: directory.path)
            #expect(result.status == 0, "\(result.stderr)")
            let events = try result.stdout.split(separator: "\n").map {
                try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
            }
            let kinds = events.compactMap { $0["event"]?.stringValue }
            #expect(kinds.count == events.count)
            #expect(kinds.contains("stage-started"))
            #expect(kinds.filter { $0 == "item-finished" }.count == 2)
            #expect(kinds.last == "summary")
            #expect(events.last?["units"] == .integer(2))
            #expect(events.last?["up_to_date"] == .bool(false))
        }
    }

    @Test("Ctrl-C stops the build with exit 130, writes no output, and keeps completed calls")
    func interrupt() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try Self.copyRecipes(into: directory) {
                $0.replacingOccurrences(of: "simulated: {}", with: "simulated: { latency: 200ms }")
            }
            let child = try ChildProcess(
                ["build", recipe, "--events", "ndjson", "--concurrency", "4"], in: directory.path)
            for await line in child.lines where line.contains("\"item-finished\"") { break }
            // Calls take 200 ms each, so the build has minutes of work left however late a
            // loaded test runner gets round to reading the first event.
            child.interrupt()
            let status = await child.wait()
            #expect(status == 130, "\(child.standardError)")
            #expect(child.standardError.contains("interrupted"))
            for name in ["sft", "cpt", "review"] {
                #expect(
                    !FileManager.default.fileExists(
                        atPath: directory.file("out/quickstart/\(name).jsonl")))
            }
            let stats = try await FrontierProcess.run(["cache", "stats"], in: directory.path)
            #expect(stats.status == 0, "\(stats.stderr)")
            let calls = stats.stdout.split(separator: "\n").first { $0.hasPrefix("calls:") }
            let count = calls.flatMap {
                Int($0.dropFirst("calls:".count).trimmingCharacters(in: .whitespaces))
            }
            #expect((count ?? 0) > 0, "\(stats.stdout)")
        }
    }

    @Test("--offline on an empty store stops at the first call, naming the model and stage")
    func offline() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try Self.copyRecipes(into: directory)
            let result = try await FrontierProcess.run(
                ["build", recipe, "--offline", "--quiet"], in: directory.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: "), "\(result.stderr)")
            #expect(result.stderr.contains("sim-writer"), "\(result.stderr)")
            #expect(result.stderr.contains("seed"), "\(result.stderr)")
            #expect(
                !FileManager.default.fileExists(atPath: directory.file("out/quickstart/sft.jsonl")))
        }
    }

    @Test("--limit 0 is a usage error")
    func badLimit() async throws {
        let result = try await FrontierProcess.run(
            ["build", "recipes/quickstart.yaml", "--limit", "0"], in: Self.root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--limit must be at least 1"))
    }
}
