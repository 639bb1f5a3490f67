import Basics
import Foundation
import Recipes
import TestSupport
import Testing

@Suite("the recipes shipped in recipes/ load and mean what they say")
struct ValidRecipeTests {
    static let recipesDirectory = RecipeFixtures.repositoryRoot + "/recipes"

    static let shippedRecipes: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: recipesDirectory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    private func loadShipped(_ name: String, environment: [String: String] = [:]) throws -> Recipe {
        let loaded = RecipeLoader(environment: environment).load(Self.recipesDirectory + "/" + name)
        try #require(loaded.diagnostics.isEmpty, "\(RecipeFixtures.rendered(loaded))")
        return try #require(loaded.recipe)
    }

    @Test("recipes/ holds the shipped recipes")
    func shippedRecipesExist() {
        #expect(Self.shippedRecipes.contains("quickstart.yaml"))
        #expect(Self.shippedRecipes.count >= 3)
    }

    @Test(
        "every shipped recipe loads without an error or warning, with no environment set",
        arguments: shippedRecipes)
    func shippedRecipeLoads(name: String) throws {
        _ = try loadShipped(name)
    }

    @Test("quickstart's endpoints, models and tools arrive as written, units converted")
    func quickstartModelsAndTools() throws {
        let recipe = try loadShipped("quickstart.yaml")
        #expect(recipe.version.value == 1)
        #expect(recipe.name == "quickstart")
        #expect(recipe.seed == 7)
        #expect(recipe.endpoints.map(\.name.value) == ["sim"])
        let endpoint = try #require(recipe.endpoint(named: "sim"))
        guard case .simulated = endpoint.kind else {
            Issue.record("'sim' is not the simulator")
            return
        }
        #expect(endpoint.timeout == 600, "the default timeout, '600s', in seconds")
        #expect(recipe.models.map(\.name.value) == ["writer", "peer", "expert", "judge"])
        let writer = try #require(recipe.model(named: "writer"))
        #expect(writer.endpoint.value == "sim")
        #expect(writer.model.value == "sim-writer")
        #expect(writer.temperature == 0.6)
        #expect(writer.topP == 0.95)
        #expect(writer.maxTokens == 2048)
        #expect(recipe.model(named: "judge")?.temperature == 0)
        #expect(
            recipe.model(named: "peer")?.temperature == nil, "unset sampling is left to the server")
        #expect(recipe.tool(named: "search")?.kind?.value == .corpusSearch)
        #expect(recipe.tool(named: "search")?.topK == 5)
        #expect(recipe.tool(named: "browse")?.maxChars == 4000)
        let python = try #require(recipe.tool(named: "python"))
        #expect(python.timeout == 10, "'10s' in seconds")
        #expect(python.memory == 512_000_000, "'512MB' in bytes")
        #expect(python.maxOutput == 64_000, "the default '64KB' in bytes")
    }

    @Test("quickstart's corpus, mix and compose settings arrive as written")
    func quickstartCorpusAndMix() throws {
        let recipe = try loadShipped("quickstart.yaml")
        #expect(
            recipe.corpus.map(\.path.value) == [
                "corpus/physics/*.md", "corpus/biology/*.md", "corpus/economics/*.md",
                "corpus/notes.jsonl",
            ])
        #expect(recipe.corpus.first?.discipline.value == .constant("physics"))
        #expect(recipe.corpus.last?.discipline.value == .field("category"))
        #expect(recipe.corpus.last?.textField == "abstract")
        #expect(recipe.corpus.last?.idField == "id")
        #expect(recipe.corpus.first?.textField == "text", "the default text field")
        #expect(recipe.disciplines.map(\.name.value) == ["physics", "biology", "economics"])
        #expect(recipe.disciplines.map(\.percent?.value) == [40, 35, 25])
        #expect(recipe.compose.chunkChars == 1200)
        #expect(recipe.compose.units == 24)
        #expect(recipe.compose.chunksPerUnit.value == 3)
        #expect(recipe.compose.neighbors.value == 8)
        #expect(recipe.compose.coherence == 0.1)
        #expect(recipe.compose.similarity == .lexical)
        #expect(recipe.compose.crossDiscipline == "forbid")
    }

    @Test("quickstart's stages, budgets and solves rules arrive as written")
    func quickstartStages() throws {
        let recipe = try loadShipped("quickstart.yaml")
        #expect(recipe.seedQuestions.model.value == "writer")
        #expect(recipe.seedQuestions.perUnit == 1)
        #expect(recipe.escalation.rounds.value == 4)
        #expect(recipe.escalation.stop == "peer-fails")
        #expect(recipe.escalation.dimensions == Recipe.Escalation.allDimensions)
        #expect(Self.counts(recipe.escalation.budget) == ["search": 3, "browse": 2, "python": 1])
        #expect(recipe.escalation.budget.total == 5)
        let difficulty = recipe.difficulty
        #expect(difficulty.peer.model.value == "peer")
        #expect(difficulty.peer.attempts.value == 3)
        #expect(difficulty.peer.solves.value == SolveRule(.equal, 0))
        #expect(difficulty.expert.attempts.value == 3)
        #expect(difficulty.expert.solves.value == SolveRule(.atLeast, 2))
        #expect(difficulty.expert.maxTurns == 12)
        #expect(Self.counts(difficulty.expert.budget) == ["search": 4, "browse": 4, "python": 2])
        #expect(difficulty.expert.budget.total == 8)
        #expect(difficulty.judge.model.value == "judge")
        #expect(difficulty.judge.tolerance == 0.01, "the default tolerance")
        #expect(difficulty.dedup == 0.7)
    }

    @Test("quickstart's outputs and exam resolve against the recipe's directory")
    func quickstartOutputs() throws {
        let recipe = try loadShipped("quickstart.yaml")
        let directory = Self.recipesDirectory
        let root = String(directory.dropLast("/recipes".count))
        #expect(
            recipe.outputs.sft?.resolvedPath == root + "/out/quickstart/sft.jsonl", "normalized")
        #expect(recipe.outputs.cpt?.path.value == "../out/quickstart/cpt.jsonl")
        #expect(recipe.outputs.review != nil)
        #expect(recipe.outputs.sft?.includeReasoning == false)
        let exam = try #require(recipe.exam)
        #expect(exam.size == 10)
        #expect(exam.corpus.first?.discipline.value == .frontMatter("discipline"))
        #expect(exam.peer.attempts.value == 3)
        #expect(exam.peer.solves.value == SolveRule(.equal, 0))
        #expect(exam.expert.solves.value == SolveRule(.equal, 3))
        #expect(exam.output.value == "../out/quickstart/exam.jsonl")
    }

    @Test("an '${env:NAME:-default}' reference falls back to its default when NAME is unset")
    func environmentFallback() throws {
        let unset = try loadShipped("vllm.yaml")
        guard case .http(let url, let key) = unset.endpoint(named: "big")?.kind else {
            Issue.record("'big' is not an HTTP endpoint")
            return
        }
        #expect(url?.value == "http://127.0.0.1:8000/v1")
        #expect(key == "EMPTY")
        let set = try loadShipped("vllm.yaml", environment: ["VLLM_API_KEY": "secret-key"])
        guard case .http(_, let setKey) = set.endpoint(named: "small")?.kind else {
            Issue.record("'small' is not an HTTP endpoint")
            return
        }
        #expect(setKey == "secret-key")
        #expect(set.endpoint(named: "small")?.timeout == 300)
        #expect(set.endpoint(named: "big")?.requestsPerMinute == 3000)
        #expect(set.model(named: "peer")?.price?.input == 0.10)
        #expect(set.model(named: "peer")?.price?.output == 0.30)
    }

    @Test("deep-escalation extends quickstart: its own values win, the rest is inherited")
    func deepEscalationExtendsQuickstart() throws {
        let recipe = try loadShipped("deep-escalation.yaml")
        #expect(recipe.name == "deep-escalation")
        #expect(recipe.escalation.rounds.value == 8)
        #expect(recipe.escalation.stop == "fixed")
        #expect(recipe.escalation.model.value == "writer", "inherited from quickstart")
        #expect(Self.counts(recipe.escalation.budget) == ["search": 3, "browse": 2, "python": 1])
        #expect(recipe.outputs.sft?.path.value == "../out/deep-escalation/sft.jsonl")
        #expect(recipe.exam?.output.value == "../out/deep-escalation/exam.jsonl")
        #expect(recipe.exam?.size == 10, "the rest of 'exam' is merged from quickstart")
        #expect(recipe.corpus.count == 4)
        #expect(recipe.escalation.rounds.range.file.hasSuffix("deep-escalation.yaml"))
        #expect(recipe.escalation.model.range.file.hasSuffix("quickstart.yaml"))
    }

    static func counts(_ budget: Recipe.Budget) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: budget.perTool.map { ($0.key.value, $0.value) })
    }
}
