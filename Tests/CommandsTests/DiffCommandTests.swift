import Basics
import Foundation
import TestSupport
import Testing

@Suite("frontier diff: what changed in the data, and which recipe change caused it")
struct DiffCommandTests {
    static let golden = Fixtures.path("Golden", relativeTo: #filePath)
    static let fixtures = Fixtures.path(
        "../DatasetDiffTests/Fixtures", relativeTo: #filePath)

    /// `frontier diff ARGUMENTS --format json`, parsed.
    static func diff(
        _ arguments: [String], in directory: TemporaryDirectory
    ) async throws
        -> JSONValue
    {
        let result = try await FrontierProcess.run(
            ["diff"] + arguments + ["--format", "json"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(JSONValue.parse(Array(result.stdout.utf8)), "\(result.stdout)")
    }

    static func total(_ report: JSONValue, _ name: String) -> Int {
        if case .integer(let value)? = report["totals"]?[name] { return value }
        return -1
    }

    static func causes(_ report: JSONValue) -> Set<String> {
        guard case .array(let groups)? = report["groups"] else { return [] }
        return Set(groups.compactMap { $0["cause"]?.stringValue })
    }

    @Test(
        "an escalation prompt edit changes records without adding or removing any, all put down to escalation.prompt; reverting it diffs empty against the first version"
    )
    func escalationPromptEdit() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await StatusCommandTests.builtQuickStart(in: directory)
            let original = try String(contentsOfFile: directory.file(recipe), encoding: .utf8)
            let builtIn = try String(
                contentsOfFile: StatusCommandTests.root
                    + "/Sources/Recipes/Prompts/escalate.mustache",
                encoding: .utf8)
            _ = try directory.write(
                builtIn + "\nPrefer questions that need a calculation.\n",
                to: "recipes/prompts/escalate.mustache")
            try original.replacingOccurrences(
                of: "  stop: peer-fails ",
                with: "  prompt: prompts/escalate.mustache\n  stop: peer-fails "
            ).write(toFile: directory.file(recipe), atomically: true, encoding: .utf8)
            let edited = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(edited.status == 0, "\(edited.stderr)")
            let report = try await Self.diff([], in: directory)
            #expect(Self.total(report, "added") == 0)
            #expect(Self.total(report, "removed") == 0)
            #expect(Self.total(report, "changed") > 0)
            #expect(Self.causes(report) == ["escalation.prompt"])
            let text = try await FrontierProcess.run(["diff"], in: directory.path)
            #expect(text.stdout.contains("escalation.prompt changed → "), "\(text.stdout)")

            try original.write(toFile: directory.file(recipe), atomically: true, encoding: .utf8)
            let reverted = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(reverted.stdout.contains("calls    0 sent"), "\(reverted.stdout)")
            let log = try await FrontierProcess.run(["log"], in: directory.path)
            let first = try #require(log.stdout.split(separator: " ").first.map(String.init))
            let none = try await FrontierProcess.run(["diff", first, "HEAD"], in: directory.path)
            #expect(none.stdout.contains("no differences"), "\(none.stdout)")
        }
    }

    @Test(
        "a new judge that rules differently moves records between outputs, put down to models.judge"
    )
    func judgeChange() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await StatusCommandTests.builtQuickStart(in: directory)
            let file = directory.file(recipe)
            try String(contentsOfFile: file, encoding: .utf8)
                .replacingOccurrences(of: "model: sim-judge,", with: "model: sim-judge-small,")
                .write(toFile: file, atomically: true, encoding: .utf8)
            let build = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(build.status == 0, "\(build.stderr)")
            let report = try await Self.diff(["HEAD~1", "HEAD"], in: directory)
            #expect(Self.total(report, "moved") > 0)
            #expect(Self.total(report, "added") == 0)
            #expect(Self.total(report, "removed") == 0)
            #expect(Self.causes(report) == ["models.judge"])
            let sft = try await FrontierProcess.run(
                ["diff", "--records", "--output", "sft"], in: directory.path)
            #expect(sft.stdout.contains("provenance.models.judge"), "\(sft.stdout)")
        }
    }

    @Test("two JSONL files diff by a key field, as the golden output says")
    func jsonlFiles() async throws {
        let result = try await FrontierProcess.run(
            ["diff", "a.jsonl", "b.jsonl", "--key", "id", "--records"], in: Self.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        if let mismatch = Golden.mismatch(
            result.stdout, goldenPath: Self.golden + "/diff-jsonl.txt")
        {
            Issue.record("\(mismatch)")
        }
        let missing = try await FrontierProcess.run(
            ["diff", "a.jsonl", "b.jsonl"], in: Self.fixtures)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--key"))
    }
}
