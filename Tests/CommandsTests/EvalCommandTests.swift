import Basics
import Foundation
import LanguageModels
import TestSupport
import Testing

@Suite("frontier eval")
struct EvalCommandTests {
    static let golden = Fixtures.path("Golden", relativeTo: #filePath)

    /// Builds the quick start (with its exam) in a copy of `recipes/`, with `edit` applied.
    static func builtExam(
        in directory: TemporaryDirectory, edit: (String) -> String = { $0 }
    ) async throws -> String {
        let recipe = try BuildCommandTests.copyRecipes(into: directory, edit: edit)
        let build = try await FrontierProcess.run(["build", recipe, "--quiet"], in: directory.path)
        #expect(build.status == 0, "\(build.stderr)")
        return recipe
    }

    @Test(
        "the peer alone lands in the first zone and the expert with tools in the third, as admission implies (golden text and JSON)"
    )
    func zones() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try await Self.builtExam(in: directory)
            let exam = "out/quickstart/exam.jsonl"
            let peer = try await FrontierProcess.run(
                ["eval", exam, "--recipe", recipe, "--model", "peer"], in: directory.path)
            #expect(peer.status == 0, "\(peer.stderr)")
            #expect(peer.stdout.contains("zone: intrinsic competence (< 20)"), "\(peer.stdout)")
            if let mismatch = Golden.mismatch(
                peer.stdout, goldenPath: Self.golden + "/eval-peer.txt")
            {
                Issue.record("\(mismatch)")
            }
            let expert = try await FrontierProcess.run(
                [
                    "eval", exam, "--recipe", recipe, "--model", "expert", "--tools",
                    "search,browse,python", "--attempts", "3", "--format", "json",
                ], in: directory.path)
            #expect(expert.status == 0, "\(expert.stderr)")
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(expert.stdout.utf8))
            guard case .array(let models)? = report["models"] else {
                Issue.record("no models in \(expert.stdout)")
                return
            }
            #expect(models.first?["zone"] == "emergent mastery")
            if let mismatch = Golden.mismatch(
                expert.stdout, goldenPath: Self.golden + "/eval-expert.json")
            {
                Issue.record("\(mismatch)")
            }
        }
    }

    @Test("evaluating again sends zero requests; adding a model sends only its calls")
    func cached() async throws {
        try await SimulatorServer.with(.init(port: 0)) { server in
            try await TemporaryDirectory.with { directory in
                let recipe = try await Self.builtExam(in: directory) {
                    $0.replacingOccurrences(
                        of: "sim:\n    simulated: {}",
                        with: "sim:\n    base_url: \(server.baseURL)\n    max_attempts: 10")
                }
                let exam = "out/quickstart/exam.jsonl"
                let arguments = ["eval", exam, "--recipe", recipe, "--model", "peer", "--resample"]
                let before = await server.statistics().chatCompletions
                let first = try await FrontierProcess.run(arguments, in: directory.path)
                #expect(first.status == 0, "\(first.stderr)")
                let afterFirst = await server.statistics().chatCompletions
                #expect(afterFirst > before)
                let second = try await FrontierProcess.run(arguments, in: directory.path)
                #expect(second.status == 0, "\(second.stderr)")
                #expect(await server.statistics().chatCompletions == afterFirst)
                #expect(second.stdout == first.stdout)
                #expect(second.stderr.contains("calls: 0 sent"), "\(second.stderr)")

                let added = try await FrontierProcess.run(
                    arguments + ["--compare", "writer"], in: directory.path)
                #expect(added.status == 0, "\(added.stderr)")
                let questions = String(
                    decoding: try Data(contentsOf: URL(fileURLWithPath: directory.file(exam))),
                    as: UTF8.self
                )
                .split(separator: "\n").count
                // One answer and one judgement per question, for the writer only.
                #expect(
                    await server.statistics().chatCompletions - afterFirst <= 2 * questions
                        + questions)
                #expect(added.stdout.contains("writer"))
            }
        }
    }

    @Test("an exam line that is not usable is an error naming the file and line")
    func badExam() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try BuildCommandTests.copyRecipes(into: directory)
            _ = try directory.write(
                "{\"id\": \"a\", \"question\": \"q?\", \"answer\": \"1\"}\n{\"id\": \"b\"}\n",
                to: "exam.jsonl")
            let result = try await FrontierProcess.run(
                ["eval", "exam.jsonl", "--recipe", recipe, "--model", "peer"], in: directory.path)
            #expect(result.status == 1)
            #expect(
                result.stderr.contains(
                    "error: exam.jsonl:2: the field \"question\" is missing or empty"),
                "\(result.stderr)")
        }
    }

    @Test("an unknown model or tool is an error listing the known ones")
    func unknownNames() async throws {
        try await TemporaryDirectory.with { directory in
            let recipe = try BuildCommandTests.copyRecipes(into: directory)
            _ = try directory.write(
                "{\"id\": \"a\", \"question\": \"q?\", \"answer\": \"1\"}\n", to: "exam.jsonl")
            let model = try await FrontierProcess.run(
                ["eval", "exam.jsonl", "--recipe", recipe, "--model", "nobody"], in: directory.path)
            #expect(model.status == 1)
            #expect(model.stderr.contains("no usable model 'nobody'"), "\(model.stderr)")
            let tool = try await FrontierProcess.run(
                ["eval", "exam.jsonl", "--recipe", recipe, "--model", "peer", "--tools", "shell"],
                in: directory.path)
            #expect(tool.status == 1)
            #expect(tool.stderr.contains("no tool 'shell'"), "\(tool.stderr)")
        }
    }
}
