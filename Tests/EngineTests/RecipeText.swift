import Foundation
import Recipes
import TestSupport

/// Recipes for engine tests: written beside a two-document corpus and loaded.
enum RecipeText {
    /// A small valid recipe whose endpoint `main` is written by `endpoint` (a YAML flow mapping).
    static func recipe(endpoint: String, model: String = "{ endpoint: main, model: m1 }") -> String
    {
        """
        frontier: 1
        endpoints: { main: \(endpoint) }
        models:
          writer: \(model)
          peer:   { endpoint: main, model: m2 }
          expert: { endpoint: main, model: m3 }
        corpus:
          - { path: corpus/physics/*.md, discipline: physics }
        disciplines: { physics: 100% }
        seed_questions: { model: writer }
        escalation: { model: writer }
        difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }
        outputs: { sft: { path: out/sft.jsonl } }
        """
    }

    /// Loads `text` as a recipe; fails the test when it has errors.
    static func load(_ text: String, environment: [String: String] = [:]) throws -> Recipe {
        try TemporaryDirectory.with { directory in
            try directory.write(
                "# Waves\n\nA wave carries energy.\n", to: "corpus/physics/waves.md")
            try directory.write(text, to: "recipe.yaml")
            let loaded = RecipeLoader(environment: environment).load(directory.file("recipe.yaml"))
            guard let recipe = loaded.recipe, !loaded.hasErrors else {
                throw RecipeTextError(diagnostics: loaded.diagnostics.map(\.message))
            }
            return recipe
        }
    }
}

struct RecipeTextError: Error {
    var diagnostics: [String]
}
