import Basics
import Foundation
import TestSupport
import Testing

/// The `frontier` binary as a user runs it: exit codes, what goes to stdout and stderr.
@Suite("frontier on the command line")
struct CommandLineTests {
    static let root = Fixtures.repositoryRoot(from: #filePath)

    static func frontier(
        _ arguments: String..., in directory: String = root
    ) async throws -> CommandResult {
        try await FrontierProcess.run(arguments, in: directory)
    }

    /// A copy of quickstart.yaml in `directory`, edited, with its corpus paths pointing back
    /// into the repository.
    static func quickstart(
        in directory: TemporaryDirectory, editing edit: (String) -> String
    )
        throws -> String
    {
        let text = try String(contentsOfFile: root + "/recipes/quickstart.yaml", encoding: .utf8)
            .replacingOccurrences(of: "path: corpus/", with: "path: \(root)/recipes/corpus/")
            .replacingOccurrences(
                of: "path: exam-corpus/", with: "path: \(root)/recipes/exam-corpus/")
        return try directory.write(edit(text), to: "recipe.yaml")
    }

    @Test("validate accepts every recipe in recipes/ and exits 0")
    func validateShippedRecipes() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/recipes")
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let result = try await FrontierProcess.run(
            ["validate"] + names.map { "recipes/" + $0 }, in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        for name in names { #expect(result.stdout.contains("recipes/\(name): valid")) }
        #expect(result.stderr.isEmpty)
    }

    @Test("a misspelled model reference exits 1 and points at it with did-you-mean")
    func misspelledModel() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try Self.quickstart(in: directory) {
                $0.replacingOccurrences(
                    of: "escalation:\n  model: writer", with: "escalation:\n  model: writre")
            }
            let result = try await Self.frontier("validate", path, in: directory.path)
            #expect(result.status == 1)
            let line =
                try #require(
                    try String(contentsOfFile: path, encoding: .utf8).split(
                        separator: "\n", omittingEmptySubsequences: false
                    )
                    .firstIndex { $0 == "  model: writre" }) + 1
            #expect(
                result.stderr.contains(
                    "\(path):\(line):10: error: unknown model 'writre' [unknown-reference]"))
            #expect(result.stderr.contains(" |          ^~~~~~"))
            #expect(result.stderr.contains("note: did you mean 'writer'?"))
            #expect(result.stderr.contains("1 error, 0 warnings"))
        }
    }

    @Test("three independent mistakes in different sections are all reported in one run")
    func threeMistakes() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try Self.quickstart(in: directory) {
                $0.replacingOccurrences(of: "temperature: 0.6", with: "temprature: 0.6")
                    .replacingOccurrences(of: "economics: 25%", with: "economics: 20%")
                    .replacingOccurrences(of: "stop: peer-fails", with: "stop: sometimes")
            }
            let result = try await Self.frontier("validate", path, in: directory.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("[unknown-key]"))
            #expect(result.stderr.contains("[mix-not-100-percent]"))
            #expect(result.stderr.contains("[invalid-value]"))
            #expect(result.stderr.contains("3 errors, 0 warnings"))
        }
    }

    @Test("validate --format json prints the same diagnostics as JSON on stdout")
    func validateJSON() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try Self.quickstart(in: directory) {
                $0.replacingOccurrences(of: "judge: judge\n", with: "judge: jugde\n")
            }
            let result = try await Self.frontier(
                "validate", path, "--format", "json", in: directory.path)
            #expect(result.status == 1)
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
            #expect(report["errors"] == .integer(1))
            guard case .array(let diagnostics) = report["diagnostics"] else {
                Issue.record("no diagnostics array in \(result.stdout)")
                return
            }
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic["id"] == "unknown-reference")
            #expect(diagnostic["file"]?.stringValue == path)
            #expect(diagnostic["column"] == .integer(10))
            let notes = try #require(diagnostic["notes"]).canonicalString()
            #expect(notes.contains("did you mean 'judge'?"))
        }
    }

    @Test("a warning alone does not fail validation")
    func warningsPass() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try Self.quickstart(in: directory) {
                $0.replacingOccurrences(
                    of: "  sim:\n    simulated: {}",
                    with:
                        "  sim:\n    simulated: {}\n  remote:\n    base_url: http://127.0.0.1:9/v1\n    api_key: sk-literal"
                )
            }
            let result = try await Self.frontier("validate", path, in: directory.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains("warning: 'endpoints.remote.api_key' is written literally"))
            #expect(result.stderr.contains("[literal-secret]"))
        }
    }

    @Test("a recipe file that does not exist is an error naming it, exit 1")
    func missingFile() async throws {
        let result = try await Self.frontier("validate", "no/such/recipe.yaml")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "error: no recipe file at 'no/such/recipe.yaml' [unreadable-file]"))
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["validate"], ["plan"], ["plan", "recipes/quickstart.yaml", "--format", "png"],
            ["frobnicate"], ["validate", "--format", "yaml", "recipes/quickstart.yaml"],
        ])
    func usageErrors(arguments: [String]) async throws {
        let result = try await FrontierProcess.run(arguments, in: Self.root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("plan prints one line per node with a key prefix and status")
    func planText() async throws {
        let result = try await Self.frontier("plan", "recipes/quickstart.yaml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("plan for 'quickstart' (recipe "))
        for id in [
            "ingest[0]", "chunk", "compose", "seed", "escalate", "calibrate", "dedup", "emit.sft",
            "exam.admit",
        ] {
            #expect(result.stdout.contains("\n\(id) "), "missing \(id)")
        }
        #expect(result.stdout.contains("  seed → escalate\n"))
    }

    @Test("plan formats json, dot and mermaid", arguments: ["json", "dot", "mermaid"])
    func planFormats(format: String) async throws {
        let result = try await Self.frontier("plan", "recipes/quickstart.yaml", "--format", format)
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "json":
            let plan = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
            #expect(plan["recipe"] == "quickstart")
        case "dot": #expect(result.stdout.hasPrefix("digraph plan {"))
        default: #expect(result.stdout.hasPrefix("flowchart TD"))
        }
    }

    @Test("plan of a recipe with errors prints them and exits 1 without a plan")
    func planWithErrors() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try Self.quickstart(in: directory) {
                $0.replacingOccurrences(of: "rounds: 4", with: "rounds: 0")
            }
            let result = try await Self.frontier("plan", path, in: directory.path)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("[out-of-range]"))
        }
    }

    @Test("schema prints the committed grammar/recipe.schema.json")
    func schema() async throws {
        let result = try await Self.frontier("schema")
        #expect(result.status == 0)
        let committed = try String(
            contentsOfFile: Self.root + "/grammar/recipe.schema.json", encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test(
        "every command's help explains it with examples", arguments: ["validate", "plan", "schema"])
    func help(command: String) async throws {
        let result = try await Self.frontier(command, "--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("frontier \(command)"))
    }

    @Test("the top-level help lists the commands")
    func topLevelHelp() async throws {
        let result = try await Self.frontier("--help")
        #expect(result.status == 0)
        for command in ["validate", "plan", "schema"] { #expect(result.stdout.contains(command)) }
    }
}
