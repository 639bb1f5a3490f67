import Basics
import Recipes
import Testing

/// Each recipe below has one mistake; `⟨` marks where its diagnostic (or note) must point.
@Suite("diagnostics point at the exact spot of the mistake")
struct DiagnosticPositionTests {
    /// The single diagnostic that loading `marked` reports.
    private func onlyDiagnostic(
        _ marked: MarkedText, environment: [String: String] = RecipeFixtures.environment
    ) throws -> Diagnostic {
        let loaded = try ScratchRecipe.load(marked.text, environment: environment)
        try #require(
            loaded.diagnostics.count == 1,
            "expected one diagnostic:\n\(RecipeFixtures.rendered(loaded))")
        return loaded.diagnostics[0]
    }

    private func expectStart(
        _ range: SourceRange?, at mark: (line: Int, column: Int),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(range?.start.line == mark.line, sourceLocation: sourceLocation)
        #expect(range?.start.column == mark.column, sourceLocation: sourceLocation)
    }

    @Test("an unknown model in escalation.model points at the reference with did-you-mean")
    func unknownModelReference() throws {
        let marked = MarkedText(
            """
            frontier: 1
            endpoints:
              sim: { simulated: {} }
            models:
              writer: { endpoint: sim, model: sim-writer }
              peer:   { endpoint: sim, model: sim-peer }
              expert: { endpoint: sim, model: sim-expert }
            tools:
              search: { kind: corpus-search }
            corpus:
              - { path: corpus/physics/*.md, discipline: physics }
              - { path: corpus/biology/*.md, discipline: biology }
            disciplines: { physics: 50%, biology: 50% }
            seed_questions: { model: writer }
            escalation:
              model: ⟨writr
              budget: { search: 2 }
            difficulty:
              peer: { model: peer }
              expert: { model: expert }
              judge: writer
            outputs:
              sft: { path: out/sft.jsonl }
            """)
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .unknownReference)
        #expect(diagnostic.message == "unknown model 'writr'")
        expectStart(diagnostic.range, at: marked.marks[0])
        #expect(diagnostic.range?.end.column == marked.marks[0].column + "writr".count)
        #expect(diagnostic.notes.map(\.message).first == "did you mean 'writer'?")
    }

    @Test("an unknown endpoint inside a flow mapping points at the value, not the mapping")
    func flowMappingValue() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "endpoints: { sim: { simulated: {} } }",
                """
                endpoints:
                  sim: { simulated: {} }
                """
            ),
            (
                "  peer:   { endpoint: sim, model: sim-peer }",
                "  peer:   { endpoint: ⟨simm, model: sim-peer }"
            ),
            (
                "tools: { search: { kind: corpus-search } }",
                """
                tools:
                  search: { kind: corpus-search }
                """
            ),
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .unknownReference)
        #expect(diagnostic.message == "unknown endpoint 'simm'")
        expectStart(diagnostic.range, at: marked.marks[0])
        #expect(
            diagnostic.notes.map(\.message) == ["did you mean 'sim'?", "known endpoints: 'sim'"])
    }

    @Test("an unknown tool in a nested flow-mapping budget points at the tool name")
    func unknownBudgetTool() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }",
                """
                difficulty:
                  peer: { model: peer }
                  expert: { model: expert, attempts: 3,
                            budget: { search: 2, ⟨browse: 1 } }
                  judge: writer
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .unknownReference)
        #expect(diagnostic.message == "unknown tool 'browse'")
        expectStart(diagnostic.range, at: marked.marks[0])
    }

    @Test("an unknown key points at the key and suggests the closest one")
    func unknownKey() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "  writer: { endpoint: sim, model: sim-writer }",
                "  writer: { endpoint: sim, model: sim-writer, ⟨max_token: 512 }"
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .unknownKey)
        #expect(diagnostic.message == "unknown key 'max_token' in 'models.writer'")
        expectStart(diagnostic.range, at: marked.marks[0])
        #expect(diagnostic.notes.map(\.message) == ["did you mean 'max_tokens'?"])
    }

    @Test("a duplicate key points at the duplicate, with a note at the first occurrence")
    func duplicateKey() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "  writer: { endpoint: sim, model: sim-writer }",
                "  ⟨writer: { endpoint: sim, model: sim-writer }"
            ),
            (
                "  expert: { endpoint: sim, model: sim-expert }",
                """
                  expert: { endpoint: sim, model: sim-expert }
                  ⟨writer: { endpoint: sim, model: sim-writer-2 }
                """
            ),
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .duplicateKey)
        #expect(diagnostic.message == "duplicate key 'writer'")
        expectStart(diagnostic.range, at: marked.marks[1])
        try #require(diagnostic.notes.count == 1)
        #expect(diagnostic.notes[0].message == "'writer' first defined here")
        expectStart(diagnostic.notes[0].range, at: marked.marks[0])
    }

    @Test("a duplicate key inside one flow mapping is found on the same line")
    func duplicateKeyInFlowMapping() throws {
        var diagnostics: [Diagnostic] = []
        let marked = MarkedText("peer: { ⟨model: a, attempts: 1, ⟨model: b }\n")
        _ = YAMLComposer().compose(marked.text, file: "flow.yaml", diagnostics: &diagnostics)
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0].id == .duplicateKey)
        expectStart(diagnostics[0].range, at: marked.marks[1])
        expectStart(diagnostics[0].notes.first?.range, at: marked.marks[0])
    }

    @Test("an unset variable inside a longer string points at its own '${env:' column")
    func environmentReferenceColumn() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "endpoints: { sim: { simulated: {} } }",
                """
                endpoints:
                  vllm:
                    base_url: http://⟨${env:VLLM_HOST}:8000/v1
                    api_key: ${env:VLLM_API_KEY}
                  sim: { simulated: {} }
                """
            )
        ])
        let loaded = try ScratchRecipe.load(marked.text)
        let unset = loaded.diagnostics.filter { $0.id == .undefinedEnvironmentVariable }
        try #require(unset.count == 1)
        #expect(unset[0].message == "environment variable 'VLLM_HOST' is not set")
        expectStart(unset[0].range, at: marked.marks[0])
        #expect(unset[0].range?.end.column == marked.marks[0].column + "${env:VLLM_HOST}".count)
    }

    @Test("a second reference in one string is pointed at, after non-ASCII text")
    func environmentReferenceAfterUnicode() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "frontier: 1",
                """
                frontier: 1
                name: café ${env:VLLM_API_KEY} ⟨${env:DATASET_SUFFIX}
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .undefinedEnvironmentVariable)
        expectStart(diagnostic.range, at: marked.marks[0])
    }

    @Test("in a single-quoted string the column counts each '' escape as two characters")
    func environmentReferenceAfterQuoteEscape() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "frontier: 1",
                """
                frontier: 1
                name: 'it''s ⟨${env:DATASET_SUFFIX}'
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .undefinedEnvironmentVariable)
        expectStart(diagnostic.range, at: marked.marks[0])
        #expect(
            diagnostic.range?.end.column == marked.marks[0].column + "${env:DATASET_SUFFIX}".count)
    }

    @Test(
        "in a double-quoted string, whose escapes hide source columns, the whole scalar is marked")
    func environmentReferenceInDoubleQuotes() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "frontier: 1",
                """
                frontier: 1
                name: ⟨"a\\tb ${env:DATASET_SUFFIX}"⟨
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .undefinedEnvironmentVariable)
        expectStart(diagnostic.range, at: marked.marks[0])
        #expect(diagnostic.range?.end.column == marked.marks[1].column)
    }

    @Test("an error inside an extended file points into that file")
    func errorInExtendedFile() throws {
        let base = MarkedText(
            """
            frontier: 1
            endpoints: { sim: { simulated: {} } }
            models:
              writer: { endpoint: sim, model: sim-writer }
              peer:   { endpoint: sim, model: sim-peer }
              expert: { endpoint: sim, model: sim-expert }
            tools: { search: { kind: corpus-search } }
            corpus:
              - { path: ../corpus/physics/*.md, discipline: physics }
              - { path: ../corpus/biology/*.md, discipline: biology }
            disciplines: { physics: 50%, biology: 50% }
            seed_questions: { model: writer }
            escalation: { model: writer, budget: { search: 2 } }
            difficulty:
              peer: { model: peer }
              expert: { model: expert }
              judge: ⟨judge
            outputs: { sft: { path: out/sft.jsonl } }
            """)
        let child = """
            extends: bases/base.yaml
            name: child
            escalation: { rounds: 3 }
            """
        let (loaded, directory) = try ScratchRecipe.load(
            files: ["recipe.yaml": child, "bases/base.yaml": base.text])
        try #require(loaded.diagnostics.count == 1, "\(RecipeFixtures.rendered(loaded))")
        let diagnostic = loaded.diagnostics[0]
        #expect(diagnostic.id == .unknownReference)
        #expect(diagnostic.range?.file == directory + "/bases/base.yaml")
        expectStart(diagnostic.range, at: base.marks[0])
        #expect(loaded.sources[directory + "/bases/base.yaml"] != nil)
    }

    @Test("a libyaml syntax error points at the offending character")
    func syntaxErrorPosition() throws {
        let marked = MarkedText(
            """
            frontier: 1
            name: sciences
            seed: ⟨@7
            endpoints: { sim: { simulated: {} } }
            """)
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .yamlSyntax)
        #expect(diagnostic.message == "found character that cannot start any token")
        expectStart(diagnostic.range, at: marked.marks[0])
    }

    @Test("an unclosed flow mapping notes where the mapping started")
    func syntaxErrorContext() throws {
        let marked = MarkedText(
            """
            frontier: 1
            models:
              writer: ⟨{ endpoint: sim, model: sim-writer
              peer⟨: { endpoint: sim, model: sim-peer }
            """)
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .yamlSyntax)
        #expect(diagnostic.message == "did not find expected ',' or '}'")
        expectStart(diagnostic.range, at: marked.marks[1])
        #expect(diagnostic.notes.map(\.message) == ["while parsing a flow mapping"])
        expectStart(diagnostic.notes.first?.range, at: marked.marks[0])
    }

    @Test("'solves' beyond 'attempts' points at solves, with a note at attempts")
    func solvesBeyondAttempts() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }",
                """
                difficulty:
                  peer: { model: peer }
                  expert:
                    model: expert
                    attempts: ⟨2
                    solves: ⟨">=3"
                  judge: writer
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .outOfRange)
        expectStart(diagnostic.range, at: marked.marks[1])
        #expect(diagnostic.notes.map(\.message) == ["'attempts' is 2"])
        expectStart(diagnostic.notes.first?.range, at: marked.marks[0])
    }

    @Test("conflicting keys point at the second key, with a note at the first")
    func conflictingKeys() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "endpoints: { sim: { simulated: {} } }",
                """
                endpoints:
                  sim:
                    ⟨simulated: {}
                    ⟨base_url: http://127.0.0.1:8000/v1
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .conflictingKeys)
        expectStart(diagnostic.range, at: marked.marks[1])
        expectStart(diagnostic.notes.first?.range, at: marked.marks[0])
    }

    @Test("a corpus glob that matches nothing points at the path value")
    func noMatchingFiles() throws {
        let marked = MinimalRecipe.marked(replacing: [
            (
                "  - { path: corpus/biology/*.md, discipline: biology }",
                """
                  - path: ⟨corpus/biolgy/*.md
                    discipline: biology
                """
            )
        ])
        let diagnostic = try onlyDiagnostic(marked)
        #expect(diagnostic.id == .noMatchingFiles)
        expectStart(diagnostic.range, at: marked.marks[0])
    }
}
