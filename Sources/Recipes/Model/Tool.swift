public import Basics

extension Recipe {
    /// A tool agents may call, under a name that budgets refer to.
    public struct Tool: Sendable {
        public enum Kind: String, Sendable, Codable, CaseIterable {
            case corpusSearch = "corpus-search"
            case corpusBrowse = "corpus-browse"
            case python

            /// The settings that apply to this kind of tool.
            public var settings: [String] {
                switch self {
                case .corpusSearch: ["top_k"]
                case .corpusBrowse: ["max_chars"]
                case .python: ["timeout", "memory", "max_output"]
                }
            }
        }

        public var name: Located<String>
        /// Nil when the kind was missing or invalid (already reported).
        public var kind: Located<Kind>?
        /// Results per search.
        public var topK: Int
        /// Characters per browse window.
        public var maxChars: Int
        /// Seconds of wall time per python run.
        public var timeout: Double
        /// Bytes of memory per python run.
        public var memory: Int
        /// Bytes of output kept per python run.
        public var maxOutput: Int
        /// The settings written in the recipe, with their locations, for checking.
        public var writtenSettings: [Located<String>]

        init(name: Located<String>, _ object: ShapedObject) {
            self.name = name
            kind = object.string("kind").flatMap { written in
                Kind(rawValue: written.value).map { Located($0, at: written.range) }
            }
            topK = object.integer("top_k")!.value
            maxChars = object.integer("max_chars")!.value
            timeout = object.duration("timeout")!.value
            memory = object.size("memory")!.value
            maxOutput = object.size("max_output")!.value
            writtenSettings = object.entries.map(\.name).filter { $0.value != "kind" }
        }

        /// The configuration that changes what the tool returns (for keys).
        public var configuration: JSONValue {
            switch kind?.value {
            case nil: .null
            case .corpusSearch?: ["kind": "corpus-search", "top_k": .integer(topK)]
            case .corpusBrowse?: ["kind": "corpus-browse", "max_chars": .integer(maxChars)]
            case .python?:
                [
                    "kind": "python", "timeout": .number(timeout), "memory": .integer(memory),
                    "max_output": .integer(maxOutput),
                ]
            }
        }

        static let shape = ObjectShape(
            "tool", "A tool agents may call. Settings apply only to their kind.",
            fields: [
                Field(
                    "kind", .choice(Kind.allCases.map(\.rawValue)), required: true,
                    "`corpus-search`: BM25 over the recipe's corpus. `corpus-browse`: open a "
                        + "document or chunk by id. `python`: run a program in a sandbox.",
                    example: "kind: corpus-search"),
                Field(
                    "top_k", .integer(1...100), default: 5,
                    "corpus-search: results per query.", example: "top_k: 5"),
                Field(
                    "max_chars", .integer(100...1_000_000), default: 4000,
                    "corpus-browse: characters per window.", example: "max_chars: 4000"),
                Field(
                    "timeout", .duration(0.1...3600), default: "10s",
                    "python: wall time per run.", example: "timeout: 10s"),
                Field(
                    "memory", .size(16_777_216...68_719_476_736), default: "512MB",
                    "python: memory limit per run.", example: "memory: 512MB"),
                Field(
                    "max_output", .size(1_000...104_857_600), default: "64KB",
                    "python: output kept per run; the rest is cut with a notice.",
                    example: "max_output: 64KB"),
            ])
    }
}
