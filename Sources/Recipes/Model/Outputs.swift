public import Basics

extension Recipe {
    /// An output file, relative to the recipe that names it.
    public struct OutputFile: Sendable, Hashable {
        public var path: Located<String>
        public var resolvedPath: String
        public var includeReasoning: Bool

        init?(_ object: ShapedObject?) {
            guard let object, let path = object.string("path") else { return nil }
            self.path = path
            resolvedPath = resolve(path.value, against: directory(of: path.range.file))
            includeReasoning =
                object.shape.field("reasoning") != nil ? object.bool("reasoning")!.value : false
        }
    }

    /// The files the build writes.
    public struct Outputs: Sendable {
        public var sft: OutputFile?
        public var cpt: OutputFile?
        public var review: OutputFile?
        public var range: SourceRange

        /// The outputs present, by name, in a fixed order.
        public var all: [(name: String, file: OutputFile)] {
            [("sft", sft), ("cpt", cpt), ("review", review)].compactMap { name, file in
                file.map { (name, $0) }
            }
        }

        init(_ object: ShapedObject) {
            sft = OutputFile(object.object("sft"))
            cpt = OutputFile(object.object("cpt"))
            review = OutputFile(object.object("review"))
            range = object.range
        }

        static func fileShape(
            _ name: String, _ description: String, extra: [Field] = []
        )
            -> ObjectShape
        {
            ObjectShape(
                name, description,
                fields: [
                    Field(
                        "path", .string(.path), required: true,
                        "Where to write the file, relative to the recipe.",
                        example: "path: out/\(name).jsonl")
                ] + extra)
        }

        static let shape = ObjectShape(
            "outputs", "The files the build writes; at least one.",
            fields: [
                Field(
                    "sft",
                    .object(
                        fileShape(
                            "sft",
                            "ZPD items with one correct expert trajectory each, in OpenAI chat "
                                + "fine-tuning format.",
                            extra: [
                                Field(
                                    "format", .choice(["openai-chat"]), default: "openai-chat",
                                    "The record format.", example: "format: openai-chat"),
                                Field(
                                    "reasoning", .boolean, default: false,
                                    "Include the expert's reasoning text in assistant messages.",
                                    example: "reasoning: true"),
                            ])),
                    "Supervised fine-tuning trajectories.", example: "sft: { path: out/sft.jsonl }"),
                Field(
                    "cpt",
                    .object(
                        fileShape(
                            "cpt",
                            "Chunks and peer-solvable question/answer texts as `{\"text\": …}`.")),
                    "Continued-pretraining text.", example: "cpt: { path: out/cpt.jsonl }"),
                Field(
                    "review",
                    .object(
                        fileShape(
                            "review",
                            "Items the expert failed every attempt, with all attempts and "
                                + "verdicts.")),
                    "A queue for people to review.", example: "review: { path: out/review.jsonl }"),
            ])
    }

    /// The ZPD Exam: built by the same engine from a corpus disjoint from training.
    public struct Exam: Sendable {
        public var corpus: [CorpusSource]
        public var size: Int
        public var peer: (attempts: Located<Int>, solves: Located<SolveRule>)
        public var expert: (attempts: Located<Int>, solves: Located<SolveRule>)
        public var output: Located<String>
        public var resolvedOutput: String

        init(_ object: ShapedObject) {
            corpus = (object.list("corpus") ?? []).compactMap { $0.object.map(CorpusSource.init) }
            size = object.integer("size")!.value
            let admit = object.objectOrEmpty("admit", shape: Self.admitShape)
            let peer = admit.objectOrEmpty("peer", shape: Self.admitPeerShape)
            let expert = admit.objectOrEmpty("expert", shape: Self.admitExpertShape)
            self.peer = (peer.integer("attempts")!, peer.solves("solves")!)
            self.expert = (expert.integer("attempts")!, expert.solves("solves")!)
            output = object.string("output") ?? Located("", at: object.range)
            resolvedOutput = resolve(output.value, against: directory(of: output.range.file))
        }

        static func admitSolverShape(_ name: String, solves: Int) -> ObjectShape {
            ObjectShape(
                "admit \(name)", "Admission rule for the \(name).",
                fields: [
                    Field(
                        "attempts", .integer(1...100), default: 3, "Attempts per item.",
                        example: "attempts: 3"),
                    Field(
                        "solves", .solves, default: .integer(solves),
                        "Correct attempts required for admission.", example: "solves: \(solves)"),
                ])
        }

        static let admitPeerShape = admitSolverShape("peer", solves: 0)
        static let admitExpertShape = admitSolverShape("expert", solves: 3)

        static let admitShape = ObjectShape(
            "admit",
            "The exam's admission rule (the paper's: the peer fails 3 of 3 without "
                + "tools, the expert solves 3 of 3 with tools).",
            fields: [
                Field(
                    "peer", .object(admitPeerShape), "The peer's rule.",
                    example: "peer: { attempts: 3, solves: 0 }"),
                Field(
                    "expert", .object(admitExpertShape), "The expert's rule.",
                    example: "expert: { attempts: 3, solves: 3 }"),
            ])

        static let shape = ObjectShape(
            "exam", "The ZPD Exam: a benchmark from a corpus disjoint from training.",
            fields: [
                Field(
                    "corpus", .list(.object(CorpusSource.shape), minCount: 1), required: true,
                    "The exam's corpus; no document may also be in the training corpus.",
                    example:
                        "corpus: [{ path: exam/*.md, discipline: { frontmatter: discipline } }]"),
                Field(
                    "size", .integer(1...1_000_000), default: 100,
                    "Items to admit. Met when the corpus allows (units are tried in a fixed "
                        + "order, up to 10 questions each); the build says by how much it fell "
                        + "short.",
                    example: "size: 100"),
                Field(
                    "admit", .object(admitShape), "The admission rule.",
                    example: "admit: { peer: { attempts: 3, solves: 0 } }"),
                Field(
                    "output", .string(.path), required: true,
                    "Where to write the exam JSONL, relative to the recipe.",
                    example: "output: out/exam.jsonl"),
            ])
    }
}
