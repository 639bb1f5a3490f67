import Basics
import Foundation
import Recipes
import TestSupport

/// Text with spots marked by `⟨`: the text without the markers, and each marker's 1-based line
/// and column (columns count Unicode scalars, as `SourceLocation` does).
struct MarkedText {
    let text: String
    let marks: [(line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var marks: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "⟨" {
                marks.append((line, column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.marks = marks
    }
}

/// Recipes written to a temporary directory beside a tiny corpus, then loaded.
enum ScratchRecipe {
    /// Writes `files` (relative path → text) and `corpus/{physics,biology}/*.md` to a fresh
    /// directory, loads `recipe` from it, and returns what loading produced and the directory.
    static func load(
        _ recipe: String = "recipe.yaml", files: [String: String],
        environment: [String: String] = RecipeFixtures.environment,
        limits: YAMLLimits = .default
    ) throws -> (loaded: LoadedRecipe, directory: String) {
        try TemporaryDirectory.with { directory in
            try directory.write(
                "# Waves\n\nA wave carries energy, not matter.\n", to: "corpus/physics/waves.md")
            try directory.write(
                "# Cells\n\nEvery living thing is made of cells.\n", to: "corpus/biology/cells.md")
            for (path, text) in files {
                try directory.write(text, to: path)
            }
            let loader = RecipeLoader(environment: environment, limits: limits)
            return (loader.load(directory.file(recipe)), directory.path)
        }
    }

    /// Loads one recipe file written from `text`.
    static func load(
        _ text: String, environment: [String: String] = RecipeFixtures.environment
    )
        throws -> LoadedRecipe
    {
        try load(files: ["recipe.yaml": text], environment: environment).loaded
    }
}

/// The small valid recipe most position tests start from (its corpus is `ScratchRecipe`'s).
/// A test names only the lines it changes, so what is wrong with each recipe stands out.
enum MinimalRecipe {
    static let lines = [
        "frontier: 1",
        "endpoints: { sim: { simulated: {} } }",
        "models:",
        "  writer: { endpoint: sim, model: sim-writer }",
        "  peer:   { endpoint: sim, model: sim-peer }",
        "  expert: { endpoint: sim, model: sim-expert }",
        "tools: { search: { kind: corpus-search } }",
        "corpus:",
        "  - { path: corpus/physics/*.md, discipline: physics }",
        "  - { path: corpus/biology/*.md, discipline: biology }",
        "disciplines: { physics: 50%, biology: 50% }",
        "seed_questions: { model: writer }",
        "escalation: { model: writer, budget: { search: 2 } }",
        "difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }",
        "outputs: { sft: { path: out/sft.jsonl } }",
    ]

    /// The recipe with each named line replaced by its replacement, which may span several
    /// lines and carry `⟨` marks. Every named line must be a line of the recipe.
    static func marked(replacing edits: [(line: String, with: String)]) -> MarkedText {
        var lines = self.lines
        for edit in edits {
            guard let index = lines.firstIndex(of: edit.line) else {
                preconditionFailure("'\(edit.line)' is not a line of the minimal recipe")
            }
            lines[index] = edit.with
        }
        return MarkedText(lines.joined(separator: "\n"))
    }
}
