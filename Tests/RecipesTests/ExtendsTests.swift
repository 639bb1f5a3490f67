import Basics
import Foundation
import Recipes
import Testing

@Suite("'extends' deep-merges a recipe over its base")
struct ExtendsTests {
    static let base = """
        frontier: 1
        name: base
        seed: 1
        endpoints: { sim: { simulated: {} } }
        models:
          writer: { endpoint: sim, model: sim-writer, temperature: 0.6, max_tokens: 2048 }
          peer:   { endpoint: sim, model: sim-peer }
          expert: { endpoint: sim, model: sim-expert }
        tools:
          search: { kind: corpus-search, top_k: 5 }
          python: { kind: python }
        corpus:
          - { path: corpus/physics/*.md, discipline: physics }
          - { path: corpus/biology/*.md, discipline: biology }
        disciplines: { physics: 50%, biology: 50% }
        seed_questions: { model: writer }
        escalation:
          model: writer
          rounds: 4
          dimensions: [knowledge-expansion, conceptual-abstraction, factual-grounding]
          budget: { search: 2, python: 1 }
        difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }
        outputs: { sft: { path: out/sft.jsonl }, cpt: { path: out/cpt.jsonl } }
        """

    private func load(child: String, files: [String: String] = [:]) throws -> Recipe {
        var all = files
        all["recipe.yaml"] = child
        if all["base.yaml"] == nil { all["base.yaml"] = Self.base }
        let (loaded, _) = try ScratchRecipe.load(files: all)
        try #require(loaded.diagnostics.isEmpty, "\(RecipeFixtures.rendered(loaded))")
        return try #require(loaded.recipe)
    }

    @Test("mappings merge key by key: a child setting one key keeps the base's others")
    func mappingsMerge() throws {
        let recipe = try load(
            child: """
                extends: base.yaml
                models:
                  writer: { temperature: 0.2 }
                escalation: { rounds: 6 }
                """)
        let writer = try #require(recipe.model(named: "writer"))
        #expect(writer.temperature == 0.2)
        #expect(writer.maxTokens == 2048)
        #expect(writer.model.value == "sim-writer")
        #expect(recipe.models.count == 3)
        #expect(recipe.escalation.rounds.value == 6)
        #expect(recipe.escalation.model.value == "writer")
        #expect(ValidRecipeTests.counts(recipe.escalation.budget) == ["search": 2, "python": 1])
    }

    @Test("lists replace: the child's list is used whole, not appended or merged by position")
    func listsReplace() throws {
        let recipe = try load(
            child: """
                extends: base.yaml
                corpus:
                  - { path: corpus/*/*.md, discipline: { frontmatter: discipline } }
                escalation:
                  dimensions: [computational-formulation]
                """)
        #expect(recipe.corpus.map(\.path.value) == ["corpus/*/*.md"])
        #expect(recipe.escalation.dimensions == ["computational-formulation"])
    }

    @Test("the child's scalars win over the base's")
    func childScalarsWin() throws {
        let recipe = try load(
            child: """
                frontier: 1
                extends: base.yaml
                name: child
                seed: 99
                difficulty: { judge: expert }
                """)
        #expect(recipe.name == "child")
        #expect(recipe.seed == 99)
        #expect(recipe.difficulty.judge.model.value == "expert")
        #expect(recipe.difficulty.peer.model.value == "peer")
    }

    @Test("a child may add entries to the base's maps")
    func childAddsEntries() throws {
        let recipe = try load(
            child: """
                extends: base.yaml
                models:
                  judge: { endpoint: sim, model: sim-judge }
                outputs: { review: { path: out/review.jsonl } }
                difficulty: { judge: judge }
                """)
        #expect(recipe.models.map(\.name.value) == ["writer", "peer", "expert", "judge"])
        #expect(recipe.outputs.all.map(\.name) == ["sft", "cpt", "review"])
    }

    @Test("a chain of three files merges in order, the nearest file winning")
    func chainOfThree() throws {
        let recipe = try load(
            child: """
                extends: middle.yaml
                escalation: { rounds: 9 }
                """,
            files: [
                "middle.yaml": """
                extends: base.yaml
                name: middle
                escalation: { rounds: 7, stop: fixed }
                """
            ])
        #expect(recipe.name == "middle")
        #expect(recipe.escalation.rounds.value == 9)
        #expect(recipe.escalation.stop == "fixed")
        #expect(recipe.seed == 1)
    }

    @Test("paths in the base resolve against the base's directory, not the child's")
    func basePathsStayRelativeToBase() throws {
        let (loaded, directory) = try ScratchRecipe.load(
            "child/recipe.yaml",
            files: [
                "child/recipe.yaml": "extends: ../base.yaml\nname: nested\n",
                "base.yaml": Self.base,
            ])
        try #require(loaded.diagnostics.isEmpty, "\(RecipeFixtures.rendered(loaded))")
        let recipe = try #require(loaded.recipe)
        let corpus = try #require(recipe.corpus.first)
        #expect(Self.standardized(corpus.baseDirectory) == Self.standardized(directory))
        #expect(corpus.path.range.file.hasSuffix("/base.yaml"))
        let sft = try #require(recipe.outputs.sft)
        #expect(
            Self.standardized(sft.resolvedPath) == Self.standardized(directory + "/out/sft.jsonl"))
    }

    @Test("'extends' cycles are reported once, at the reference that closes the cycle")
    func cycle() throws {
        let (loaded, directory) = try ScratchRecipe.load(
            files: [
                "recipe.yaml": "extends: other.yaml\n" + Self.base,
                "other.yaml": "extends: recipe.yaml\nname: other\n",
            ])
        #expect(loaded.diagnostics.map(\.id) == [.extendsCycle])
        #expect(loaded.diagnostics.first?.range?.file == directory + "/other.yaml")
        #expect(
            loaded.diagnostics.first?.message
                == "'extends' makes a cycle: 'recipe.yaml' → 'other.yaml' → 'recipe.yaml'")
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    @Test("a recipe extending itself is a cycle")
    func selfCycle() throws {
        let (loaded, _) = try ScratchRecipe.load(
            files: ["recipe.yaml": "extends: recipe.yaml\n" + Self.base])
        #expect(loaded.diagnostics.map(\.id) == [.extendsCycle])
    }
}
