import Foundation
import LanguageModels
import TestSupport
import Testing

@Suite("API keys stay secret")
struct SecretTests {
    static let canary = "sk-canary-7f3a9c2e41d84b6f9e0a5c17"

    /// The forms a leaked key might take.
    static var forms: [String] {
        let bytes = Data(canary.utf8)
        return [
            canary, bytes.base64EncodedString(),
            bytes.map { String(format: "%02x", $0) }.joined(),
            bytes.map { String(format: "%02X", $0) }.joined(),
        ]
    }

    @Test("the key is nowhere in the store, the outputs or what any command printed")
    func canary() async throws {
        try await AskWorkspace.with(endpointExtra: "    api_key: \"${env:OPENAI_API_KEY}\"") {
            $0.apiKey = Self.canary
        } _: { workspace in
            let directory = workspace.directory.path
            let environment = ["OPENAI_API_KEY": Self.canary]
            let prompts = try workspace.prompts(0..<50)
            var printed = ""
            for arguments in [
                workspace.askArguments(prompts), workspace.askArguments(prompts),
                ["doctor", "recipe.yaml"], ["validate", "recipe.yaml", "--format", "json"],
                ["plan", "recipe.yaml", "--format", "json"],
                ["cache", "stats", "--store", workspace.store],
                ["cache", "verify", "--store", workspace.store],
            ] {
                let result = try await FrontierProcess.run(
                    arguments, in: directory, environment: environment)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                printed += result.stdout + result.stderr
            }
            // A refused key must not be echoed either.
            let fresh = try workspace.prompts(100..<110, name: "fresh.txt")
            let refused = try await FrontierProcess.run(
                workspace.askArguments(fresh), in: directory,
                environment: ["OPENAI_API_KEY": Self.canary + "-wrong"])
            #expect(refused.status == 1)
            printed += refused.stdout + refused.stderr

            var haystacks = [("printed output", Data(printed.utf8))]
            let files = FileManager.default.enumerator(atPath: directory)!
            for case let file as String in files {
                let path = directory + "/" + file
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    haystacks.append((file, try Data(contentsOf: URL(fileURLWithPath: path))))
                }
            }
            #expect(haystacks.contains { $0.0.hasPrefix(".frontier/store.sqlite") })
            for (name, data) in haystacks {
                for form in Self.forms {
                    #expect(data.range(of: Data(form.utf8)) == nil, "\(name) holds '\(form)'")
                }
            }
            #expect(await workspace.server.statistics().chatCompletions == 50 + 1)
        }
    }
}
