import Foundation
import TestSupport
import Testing

/// One change to a built quick start, as a user would make it.
struct RecipeChange: Sendable, CustomTestStringConvertible {
    var name: String
    var edit: @Sendable (String) -> String = { $0 }
    /// Files to write beside the recipe, relative to the workspace.
    var files: [String: String] = [:]

    var testDescription: String { name }

    static let all: [RecipeChange] = [
        RecipeChange(name: "noop"),
        RecipeChange(
            name: "judge",
            edit: {
                $0.replacingOccurrences(of: "model: sim-judge,", with: "model: sim-judge-large,")
            }
        ),
        RecipeChange(
            name: "dedup", edit: { $0.replacingOccurrences(of: "dedup: 0.7", with: "dedup: 0.2") }),
        RecipeChange(
            name: "document",
            files: ["recipes/corpus/physics/superconductivity.md": Fixtures.superconductivity]),
        RecipeChange(
            name: "coherence",
            edit: { $0.replacingOccurrences(of: "coherence: 0.1", with: "coherence: 0.1001") }),
        RecipeChange(
            name: "seed-prompt",
            edit: {
                $0.replacingOccurrences(
                    of: "  per_unit: 1", with: "  per_unit: 1\n  prompt: prompts/seed.mustache")
            },
            files: [
                "recipes/prompts/seed.mustache": StatusCommandTests.builtInSeedPrompt
                    + "\nKeep the question to one sentence.\n"
            ]),
    ]
}

@Suite("frontier status, explain and the forecast of plan")
struct StatusCommandTests {
    static let golden = Fixtures.path("Golden/status", relativeTo: #filePath)
    static let root = Fixtures.repositoryRoot(from: #filePath)
    static let builtInSeedPrompt =
        (try? String(
            contentsOfFile: root + "/Sources/Recipes/Prompts/seed.mustache", encoding: .utf8))
        ?? ""

    /// The quick start without its exam, built in `directory`; returns the recipe's path.
    static func builtQuickStart(in directory: TemporaryDirectory) async throws -> String {
        let recipe = try BuildCommandTests.copyRecipes(into: directory) { text in
            guard let exam = text.range(of: "\nexam:") else { return text }
            return String(text[..<exam.lowerBound]) + "\n"
        }
        let build = try await FrontierProcess.run(["build", recipe, "--quiet"], in: directory.path)
        #expect(build.status == 0, "\(build.stderr)")
        return recipe
    }

    /// `change` applied to the recipe at `path` and the files written.
    static func apply(
        _ change: RecipeChange, to path: String, in directory: TemporaryDirectory
    )
        throws
    {
        let file = directory.file(path)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try change.edit(text).write(toFile: file, atomically: true, encoding: .utf8)
        for (name, contents) in change.files { _ = try directory.write(contents, to: name) }
    }

    /// The output with the last build's version id and time replaced by placeholders.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"version [0-9a-f]{16} \([^)]*\)"#, with: "version <id> (<time>)",
            options: .regularExpression)
    }

    static func calls(sentIn output: String) -> Int? {
        guard let range = output.range(of: #"calls +\d+ sent"#, options: .regularExpression)
        else { return nil }
        return Int(output[range].split(separator: " ").dropFirst().first ?? "")
    }

    @Test(
        "status and explain name what changed, and status forecasts exactly the calls the build then sends",
        arguments: RecipeChange.all)
    func namesTheChange(change: RecipeChange) async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await Self.builtQuickStart(in: directory)
            try Self.apply(change, to: recipe, in: directory)
            let status = try await FrontierProcess.run(["status", recipe], in: directory.path)
            #expect(status.status == 0, "\(status.stderr)")
            let explain = try await FrontierProcess.run(["explain", recipe], in: directory.path)
            #expect(explain.status == 0, "\(explain.stderr)")
            for (name, output) in [("status", status.stdout), ("explain", explain.stdout)] {
                if let mismatch = Golden.mismatch(
                    Self.normalised(output), goldenPath: Self.golden + "/\(name)-\(change.name).txt"
                ) {
                    Issue.record("\(mismatch)")
                }
            }
            let forecast = try await FrontierProcess.run(
                ["plan", recipe, "--format", "json"], in: directory.path)
            #expect(forecast.status == 0, "\(forecast.stderr)")
            let plan = try JSONSerialization.jsonObject(with: Data(forecast.stdout.utf8))
            let toSend = ((plan as? [String: Any])?["forecast"] as? [String: Any])?["calls_to_send"]
            let build = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(build.status == 0, "\(build.stderr)")
            let sent = Self.calls(sentIn: build.stdout)
            #expect(sent != nil, "\(build.stdout)")
            #expect(
                toSend as? Int == sent, "forecast \(String(describing: toSend)), sent \(sent ?? -1)"
            )
            let again = try await FrontierProcess.run(["status", recipe], in: directory.path)
            #expect(again.stdout.contains("up to date: a build would send nothing"))
        }
    }

    @Test("after an edit is built and reverted, status says a build would send nothing")
    func revertIsUpToDate() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await Self.builtQuickStart(in: directory)
            let original = try String(contentsOfFile: directory.file(recipe), encoding: .utf8)
            let change = RecipeChange.all.first { $0.name == "seed-prompt" }!
            try Self.apply(change, to: recipe, in: directory)
            let edited = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(edited.status == 0, "\(edited.stderr)")
            try original.write(toFile: directory.file(recipe), atomically: true, encoding: .utf8)
            let status = try await FrontierProcess.run(["status", recipe], in: directory.path)
            // Every task's key is in the store, so nothing is stale; the outputs on disk are the
            // edited build's, so they would be rewritten without a single call.
            #expect(status.stdout.contains("a build would send nothing"), "\(status.stdout)")
            let plan = try await FrontierProcess.run(["plan", recipe], in: directory.path)
            #expect(plan.stdout.contains("no model calls: every task replays from the store"))
            let build = try await FrontierProcess.run(["build", recipe], in: directory.path)
            #expect(Self.calls(sentIn: build.stdout) == 0, "\(build.stdout)")
        }
    }

    @Test("explain names an unknown node or item, and exits 1")
    func explainUnknownTarget() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await Self.builtQuickStart(in: directory)
            try Self.apply(RecipeChange.all[1], to: recipe, in: directory)
            let result = try await FrontierProcess.run(
                ["explain", recipe, "no-such-node"], in: directory.path)
            #expect(result.status == 1)
            #expect(result.stdout.contains("'no-such-node' is no node with tasks"))
        }
    }
}
