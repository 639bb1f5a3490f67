import Basics
import Recipes
import Testing

@Suite("every mistake is reported in one run")
struct EveryErrorInOneRunTests {
    @Test("three independent mistakes in different sections are all reported, in reading order")
    func threeMistakes() throws {
        let marked = MarkedText(
            """
            frontier: 1
            endpoints: { sim: { simulated: {} } }
            models:
              writer: { endpoint: sim, model: sim-writer, ⟨temprature: 0.6 }
              peer:   { endpoint: sim, model: sim-peer }
              expert: { endpoint: sim, model: sim-expert }
            tools: { search: { kind: corpus-search } }
            corpus:
              - { path: corpus/physics/*.md, discipline: physics }
              - { path: corpus/biology/*.md, discipline: biology }
            disciplines: { physics: 50%, biology: 50% }
            seed_questions: { model: writer }
            escalation:
              model: writer
              rounds: ⟨0
              budget: { search: 2 }
            difficulty:
              peer: { model: peer }
              expert: { model: ⟨expret }
              judge: writer
            outputs: { sft: { path: out/sft.jsonl } }
            """)
        let loaded = try ScratchRecipe.load(marked.text)
        let found = loaded.diagnostics.map { ($0.id, $0.range?.start.line, $0.range?.start.column) }
        try #require(found.count == 3, "\(RecipeFixtures.rendered(loaded))")
        let expected: [(DiagnosticID, Int, Int)] = zip(
            [DiagnosticID.unknownKey, .outOfRange, .unknownReference], marked.marks
        ).map { ($0, $1.line, $1.column) }
        for (actual, wanted) in zip(found, expected) {
            #expect(actual.0 == wanted.0)
            #expect(actual.1 == wanted.1)
            #expect(actual.2 == wanted.2)
        }
        #expect(loaded.recipe != nil, "a recipe with errors is still built for partial results")
    }

    @Test("the several-mistakes fixture reports each of its four mistakes")
    func severalMistakesFixture() {
        let loaded = RecipeFixtures.load(RecipeFixtures.invalidPath("several-mistakes"))
        #expect(
            loaded.diagnostics.map(\.id) == [
                .unknownKey, .unknownReference, .invalidSize, .outOfRange,
            ])
        #expect(loaded.diagnostics.map { $0.range?.start.line } == [5, 15, 20, 46])
    }

    @Test("mistakes in both an extended file and the recipe extending it are reported together")
    func mistakesAcrossExtends() throws {
        let base = """
            frontier: 1
            endpoints: { sim: { simulated: {} } }
            models:
              writer: { endpoint: sim, model: sim-writer }
              peer:   { endpoint: sim, model: sim-peer }
              expert: { endpoint: sim, model: sim-expert }
            tools: { search: { kind: corpus-search, top_k: 500 } }
            corpus:
              - { path: corpus/physics/*.md, discipline: physics }
              - { path: corpus/biology/*.md, discipline: biology }
            disciplines: { physics: 50%, biology: 50% }
            seed_questions: { model: writer }
            escalation: { model: writer, budget: { search: 2 } }
            difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }
            outputs: { sft: { path: out/sft.jsonl } }
            """
        let child = """
            extends: base.yaml
            escalation: { stop: never }
            """
        let (loaded, directory) = try ScratchRecipe.load(
            files: ["recipe.yaml": child, "base.yaml": base])
        let found = loaded.diagnostics.map { ($0.id, $0.range?.file) }
        try #require(found.count == 2, "\(RecipeFixtures.rendered(loaded))")
        #expect(found[0].0 == .outOfRange)
        #expect(found[0].1 == directory + "/base.yaml")
        #expect(found[1].0 == .invalidValue)
        #expect(found[1].1 == directory + "/recipe.yaml")
    }
}
