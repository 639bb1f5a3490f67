import Basics
import Foundation
import Recipes
import TestSupport

/// The fixtures of this target, and how the tests load and render them.
enum RecipeFixtures {
    /// The repository root; stripped from rendered output so golden files hold no local paths.
    static let repositoryRoot = Fixtures.repositoryRoot(from: #filePath)

    /// `Tests/RecipesTests/Fixtures`, absolute.
    static let directory = Fixtures.path("Fixtures", relativeTo: #filePath)

    /// `Tests/RecipesTests/Golden`, absolute.
    static let goldenDirectory = Fixtures.path("Golden", relativeTo: #filePath)

    /// The environment every fixture is loaded with: one key set, everything else unset.
    static let environment = ["VLLM_API_KEY": "k"]

    /// The names (without `.yaml`) of the files in `Fixtures/invalid`, sorted.
    static let invalidNames: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: directory + "/invalid")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func invalidPath(_ name: String) -> String {
        directory + "/invalid/" + name + ".yaml"
    }

    static func goldenPath(_ name: String) -> String {
        goldenDirectory + "/invalid/" + name + ".txt"
    }

    /// Loads `path` with `environment`.
    static func load(_ path: String, environment: [String: String] = environment) -> LoadedRecipe {
        RecipeLoader(environment: environment).load(path)
    }

    /// The diagnostics rendered as a user sees them, with the repository root made relative.
    static func rendered(_ loaded: LoadedRecipe) -> String {
        let text = DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
        return text.replacingOccurrences(of: repositoryRoot + "/", with: "")
    }

    /// The ids a fixture declares on its first line: `# expect: unknown-key, out-of-range`.
    static func expectedIDs(_ name: String) throws -> [DiagnosticID] {
        let text = try String(contentsOfFile: invalidPath(name), encoding: .utf8)
        let first = text.split(separator: "\n", maxSplits: 1).first ?? ""
        let prefix = "# expect: "
        guard first.hasPrefix(prefix) else { return [] }
        return first.dropFirst(prefix.count).split(separator: ",").map {
            DiagnosticID(rawValue: $0.trimmingCharacters(in: .whitespaces))
        }
    }
}
