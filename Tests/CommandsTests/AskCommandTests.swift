import Foundation
import LanguageModels
import TestSupport
import Testing

@Suite("frontier ask against serve-sim")
struct AskCommandTests {
    @Test("asking twice answers the second time from the store, with the same answers")
    func cachedSecondTime() async throws {
        try await AskWorkspace.with { workspace in
            let prompts = try workspace.prompts(0..<20)
            let directory = workspace.directory.path
            let first = try await FrontierProcess.run(
                workspace.askArguments(prompts), in: directory)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr.contains("20 prompts: 20 sent, 0 cached, 0 failed"))
            #expect(first.stderr.contains("20 HTTP requests, 0 retries\n"))
            let second = try await FrontierProcess.run(
                workspace.askArguments(prompts), in: directory)
            #expect(second.stderr.contains("20 prompts: 0 sent, 20 cached, 0 failed"))
            #expect(second.stderr.contains("0 HTTP requests, 0 retries\n"))
            let answers = { (text: String) in
                try text.split(separator: "\n").map {
                    try JSONDecoder().decode([String: JSONAnswer].self, from: Data($0.utf8))[
                        "answer"]
                }
            }
            #expect(try answers(first.stdout) == answers(second.stdout))
            #expect(await workspace.server.statistics().chatCompletions == 20)
        }
    }

    @Test("offline, a prompt that was never asked fails naming the model, the stage and the key")
    func offlineMiss() async throws {
        try await AskWorkspace.with { workspace in
            let result = try await FrontierProcess.run(
                [
                    "ask", "recipe.yaml", "--model", "peer", "--offline", "--store",
                    workspace.store,
                    "a new question",
                ],
                in: workspace.directory.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("offline"))
            #expect(result.stderr.contains("model 'sim-peer' for stage 'ask' is not cached (key "))
            #expect(await workspace.server.statistics().requests == 0)
        }
    }

    @Test("a refused API key stops at once: one request, exit 1, the endpoint named")
    func refusedKey() async throws {
        try await AskWorkspace.with(endpointExtra: "    api_key: \"${env:SIM_KEY}\"") {
            $0.apiKey = "sk-right"
        } _: { workspace in
            let prompts = try workspace.prompts(0..<500)
            let started = ContinuousClock.now
            let result = try await FrontierProcess.run(
                workspace.askArguments(prompts), in: workspace.directory.path,
                environment: ["SIM_KEY": "sk-wrong"])
            let elapsed = ContinuousClock.now - started
            #expect(result.status == 1)
            #expect(result.stderr.contains("endpoint 'local' (\(workspace.server.baseURL))"))
            #expect(result.stderr.contains("refused the credentials (HTTP 401)"))
            #expect(await workspace.server.statistics().requests == 1)
            print("a refused key ended `frontier ask` of 500 prompts in \(elapsed)")
        }
    }

    @Test("an unknown model role is an error that lists the roles")
    func unknownRole() async throws {
        try await AskWorkspace.with { workspace in
            let result = try await FrontierProcess.run(
                ["ask", "recipe.yaml", "--model", "critic", "--store", workspace.store, "hi"],
                in: workspace.directory.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("no model 'critic' (it has 'writer', 'peer', 'expert')"))
        }
    }

    @Test("doctor reports the endpoint, its latency and whether each model is served")
    func doctor() async throws {
        try await AskWorkspace.with { workspace in
            let result = try await FrontierProcess.run(
                ["doctor", "recipe.yaml"], in: workspace.directory.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout.contains("ok      local (\(workspace.server.baseURL)): answered in"))
            #expect(result.stdout.contains("model 'peer' → 'sim-peer'"))
        }
    }

    @Test("doctor fails, naming the endpoint, when nothing listens")
    func doctorUnreachable() async throws {
        try await TemporaryDirectory.with { directory in
            try directory.write(
                AskWorkspace.recipe(
                    endpoints: "{ gone: { base_url: \"http://127.0.0.1:9/v1\" } }", endpoint: "gone"
                ),
                to: "recipe.yaml")
            try directory.write("# A\n\ntext\n", to: "c/a.md")
            let result = try await FrontierProcess.run(
                ["doctor", "recipe.yaml", "--timeout", "2"], in: directory.path)
            #expect(result.status == 1)
            #expect(result.stdout.contains("FAILED  gone (http://127.0.0.1:9/v1)"))
            #expect(result.stdout.contains("the last: connection refused"))
            #expect(result.stderr.contains("1 endpoint of 1 failed"))
        }
    }
}

/// A JSON-lines field of `ask` output: a string, a boolean or null.
enum JSONAnswer: Decodable, Equatable {
    case text(String), flag(Bool), none

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else {
            self = .none
        }
    }
}
