public import Basics

extension Recipe {
    /// A prompt template override: a Mustache file relative to the recipe that names it.
    public struct PromptOverride: Sendable, Hashable {
        public var path: Located<String>
        /// The path resolved against the directory of the recipe file that wrote it.
        public var resolvedPath: String

        init?(_ value: Located<String>?) {
            guard let value else { return nil }
            path = value
            resolvedPath = resolve(value.value, against: directory(of: value.range.file))
        }
    }

    /// Stage I settings: chunking and composing knowledge units.
    public struct Compose: Sendable {
        public enum Similarity: Sendable, Hashable {
            /// Built-in cosine of word frequencies (no corpus-wide IDF, so units stay local).
            case lexical
            /// Cosine of embeddings from this model.
            case model(Located<String>)
        }

        public var chunkChars: Int
        public var units: Int
        public var chunksPerUnit: Located<Int>
        public var neighbors: Located<Int>
        public var coherence: Double
        public var similarity: Similarity
        public var crossDiscipline: String
        public var condense: Condense?

        /// Optional LLM condensation of chunks before composing.
        public struct Condense: Sendable {
            public var model: Located<String>
            public var prompt: PromptOverride?
        }

        init(_ object: ShapedObject) {
            chunkChars = object.integer("chunk_chars")!.value
            units = object.integer("units")!.value
            chunksPerUnit = object.integer("chunks_per_unit")!
            neighbors = object.integer("neighbors")!
            coherence = object.number("coherence")!.value
            if let model = object.object("similarity")?.string("model") {
                similarity = .model(model)
            } else {
                similarity = .lexical
            }
            crossDiscipline = object.string("cross_discipline")!.value
            condense = object.object("condense").map {
                Condense(
                    model: $0.string("model") ?? Located("", at: $0.range),
                    prompt: PromptOverride($0.string("prompt")))
            }
        }

        static let condenseShape = ObjectShape(
            "condense", "Rewrite each chunk into a dense, self-contained passage with a model.",
            fields: [
                Field(
                    "model", .reference(.model), required: true, "The model that condenses.",
                    example: "model: writer"),
                Field(
                    "prompt", .string(.path), "Override of the built-in `condense` template.",
                    example: "prompt: prompts/condense.mustache"),
            ])

        static let similarityShape = ObjectShape(
            "embedding similarity", "Similarity by the cosine of embeddings from a model.",
            fields: [
                Field(
                    "model", .reference(.model), required: true,
                    "A model on an endpoint that serves `/v1/embeddings`.",
                    example: "model: embedder")
            ])

        static let shape = ObjectShape(
            "compose", "Stage I: chunking the corpus and composing knowledge units.",
            fields: [
                Field(
                    "chunk_chars", .integer(200...100_000), default: 1500,
                    "Most characters per chunk; chunks split on paragraph boundaries.",
                    example: "chunk_chars: 1500"),
                Field(
                    "units", .integer(1...10_000_000), default: 100,
                    "How many knowledge units to draw.", example: "units: 500"),
                Field(
                    "chunks_per_unit", .integer(1...16), default: 3,
                    "Chunks in each unit (the paper uses triplets).", example: "chunks_per_unit: 3"),
                Field(
                    "neighbors", .integer(1...1000), default: 10,
                    "Nearest chunks considered around each anchor chunk.",
                    example: "neighbors: 10"),
                Field(
                    "coherence", .number(0...1), default: 0.25,
                    "Least pairwise similarity of a unit's chunks, on the similarity's scale.",
                    example: "coherence: 0.25"),
                Field(
                    "similarity",
                    .scalarOrObject(scalar: .choice(["lexical"]), object: similarityShape),
                    default: "lexical",
                    "`lexical` (built-in cosine of word frequencies, each pair judged on its own texts) or `{ model: NAME }` for embeddings.",
                    example: "similarity: { model: embedder }"),
                Field(
                    "cross_discipline", .choice(["allow", "require", "forbid"]), default: "allow",
                    "Whether a unit may, must, or must not mix disciplines.",
                    example: "cross_discipline: forbid"),
                Field(
                    "condense", .object(condenseShape),
                    "Optional: condense chunks with a model before composing.",
                    example: "condense: { model: writer }"),
            ])
    }

    /// Stage I, end: the first question and answer of each unit.
    public struct SeedQuestions: Sendable {
        public var model: Located<String>
        public var perUnit: Int
        public var prompt: PromptOverride?

        init(_ object: ShapedObject) {
            model = object.string("model") ?? Located("", at: object.range)
            perUnit = object.integer("per_unit")!.value
            prompt = PromptOverride(object.string("prompt"))
        }

        static let shape = ObjectShape(
            "seed questions", "Turning each knowledge unit into a first question and answer.",
            fields: [
                Field(
                    "model", .reference(.model), required: true, "The model that writes them.",
                    example: "model: writer"),
                Field(
                    "per_unit", .integer(1...100), default: 1, "Questions per unit.",
                    example: "per_unit: 1"),
                Field(
                    "prompt", .string(.path), "Override of the built-in `seed` template.",
                    example: "prompt: prompts/seed.mustache"),
            ])
    }
}

/// `path` against `base` unless it is absolute, with `.` and `..` folded away lexically.
func resolve(_ path: String, against base: String) -> String {
    if path.hasPrefix("/") || base == "." { return normalize(path) }
    return normalize(base + "/" + path)
}

/// `a/./b/../c` as `a/c`, lexically (no symbolic links are followed); leading `..` of a
/// relative path are kept.
func normalize(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == "..", let last = parts.last, last != ".." {
            parts.removeLast()
        } else if part == "..", isAbsolute {
            continue
        } else {
            parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    if isAbsolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
}
