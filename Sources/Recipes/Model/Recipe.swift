public import Basics

/// A checked recipe: what dataset to build, from which corpus, with which models.
///
/// Built from YAML by `RecipeLoader`; every value a user can get wrong keeps its location.
public struct Recipe: Sendable {
    /// The path of the recipe file as the user named it.
    public var file: String
    /// The digest of the recipe's merged text (with `extends` resolved), for provenance.
    public var digest: Digest
    public var version: Located<Int>
    public var name: String
    public var seed: Int
    public var endpoints: [Endpoint]
    public var models: [Model]
    public var tools: [Tool]
    public var corpus: [CorpusSource]
    public var disciplines: [DisciplineShare]
    /// Where the `disciplines` mix was written, for diagnostics about the mix as a whole.
    public var disciplinesRange: SourceRange
    public var compose: Compose
    public var seedQuestions: SeedQuestions
    public var escalation: Escalation
    public var difficulty: Difficulty
    public var outputs: Outputs
    public var exam: Exam?
    /// The names declared for each kind of reference, including entries whose values failed
    /// their checks; nil for a kind whose whole section is unusable (so references to it are
    /// not reported again).
    public var declaredNames: [Shape.ReferenceKind: Set<String>?]

    public func endpoint(named name: String) -> Endpoint? {
        endpoints.first { $0.name.value == name }
    }

    public func model(named name: String) -> Model? {
        models.first { $0.name.value == name }
    }

    public func tool(named name: String) -> Tool? {
        tools.first { $0.name.value == name }
    }

    /// One entry of the discipline mix: `physics: 40%`.
    public struct DisciplineShare: Sendable, Hashable {
        public var name: Located<String>
        /// Nil when the share was written invalid (already reported).
        public var percent: Located<Double>?
    }

    static let shape = ObjectShape(
        "recipe", "A recipe: one YAML file that declares what dataset to build.",
        fields: [
            Field(
                "frontier", .integer(1...1), required: true,
                "The recipe language version. Only `1` exists.", example: "frontier: 1"),
            Field(
                "name", .string(.text),
                "A name for the dataset; defaults to the recipe's file name without extension.",
                example: "name: sciences-frontier"),
            Field(
                "seed", .integer(0...9_007_199_254_740_991), default: 0,
                "Every random choice (unit sampling, simulated answers) derives from this.",
                example: "seed: 7"),
            Field(
                "extends", .string(.path),
                "Another recipe to start from, relative to this file. This recipe is deep-merged "
                    + "over it: mappings merge key by key, lists and scalars replace.",
                example: "extends: base.yaml"),
            Field(
                "endpoints", .map(value: .object(Endpoint.shape), description: "endpoint name"),
                required: true, "Where models are served, by a name of your choosing.",
                example: "endpoints:\n  sim:\n    simulated: {}"),
            Field(
                "models", .map(value: .object(Model.shape), description: "model role"),
                required: true,
                "The models the stages use, by role names of your choosing (writer, peer, expert, "
                    + "judge, …).",
                example: "models:\n  writer: { endpoint: sim, model: sim-writer }"),
            Field(
                "tools", .map(value: .object(Tool.shape), description: "tool name"),
                "Tools agents may call; budgets refer to these names.",
                example: "tools:\n  search: { kind: corpus-search, top_k: 5 }"),
            Field(
                "corpus", .list(.object(CorpusSource.shape), minCount: 1), required: true,
                "The documents knowledge units are composed from, each source tagged by discipline.",
                example: "corpus:\n  - path: corpus/physics/*.md\n    discipline: physics"),
            Field(
                "disciplines", .map(value: .percentage, description: "discipline"), required: true,
                "The target mix of the output by discipline; shares sum to 100%.",
                example: "disciplines: { physics: 50%, biology: 50% }"),
            Field(
                "compose", .object(Compose.shape),
                "Stage I: chunking the corpus and composing knowledge units.",
                example: "compose: { units: 200, chunks_per_unit: 3 }"),
            Field(
                "seed_questions", .object(SeedQuestions.shape), required: true,
                "Turning each knowledge unit into a first question and answer.",
                example: "seed_questions: { model: writer }"),
            Field(
                "escalation", .object(Escalation.shape), required: true,
                "Stage II: rounds in which a tool-using agent makes each question harder.",
                example: "escalation: { model: writer, rounds: 4 }"),
            Field(
                "difficulty", .object(Difficulty.shape), required: true,
                "Stage III: the ZPD band. A peer without tools must fail; an expert with tools "
                    + "must succeed.",
                example:
                    "difficulty:\n  peer: { model: peer }\n  expert: { model: expert }\n  judge: judge"
            ),
            Field(
                "outputs", .object(Outputs.shape), required: true,
                "The files the build writes.",
                example: "outputs:\n  sft: { path: out/sft.jsonl }"),
            Field(
                "exam", .object(Exam.shape),
                "The ZPD Exam: a benchmark built by the same engine from a corpus disjoint from "
                    + "training.",
                example:
                    "exam:\n  corpus: [{ path: exam/*.md, discipline: physics }]\n  output: out/exam.jsonl"
            ),
        ])

    /// The shape of the whole language, from the top.
    public static var languageShape: ObjectShape { shape }
}
