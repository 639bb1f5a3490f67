public import Basics

extension Recipe {
    /// A reference solver of Stage III: how often it tries and how many successes count.
    public struct Solver: Sendable {
        public var model: Located<String>
        public var attempts: Located<Int>
        public var solves: Located<SolveRule>
        public var budget: Budget
        public var maxTurns: Int
        public var prompt: PromptOverride?

        init(_ object: ShapedObject) {
            model = object.string("model") ?? Located("", at: object.range)
            attempts = object.integer("attempts")!
            solves = object.solves("solves")!
            budget = Budget(object.shape.field("budget") != nil ? object.object("budget") : nil)
            maxTurns =
                object.shape.field("max_turns") != nil ? object.integer("max_turns")!.value : 1
            prompt = PromptOverride(object.string("prompt"))
        }

        static func shape(
            _ name: String, _ description: String, attempts: Int, solves: JSONValue, tools: Bool,
            template: String
        ) -> ObjectShape {
            var fields = [
                Field(
                    "model", .reference(.model), required: true, "The solver's model.",
                    example: "model: \(name)"),
                Field(
                    "attempts", .integer(1...100), default: .integer(attempts),
                    "Independent attempts per item.", example: "attempts: \(attempts)"),
                Field(
                    "solves", .solves, default: solves,
                    "How many correct attempts put an item in the band: a count, or a comparison "
                        + "such as `\">=1\"`, within 0 to `attempts`.",
                    example: "solves: \(solves == .string(">=1") ? "\">=1\"" : "0")"),
                Field(
                    "prompt", .string(.path), "Override of the built-in `\(template)` template.",
                    example: "prompt: prompts/\(template).mustache"),
            ]
            if tools {
                fields += [
                    Field(
                        "budget", .object(Budget.shape), "Tool calls allowed per attempt.",
                        example: "budget: { search: 4, browse: 4, python: 3, total: 8 }"),
                    Field(
                        "max_turns", .integer(1...200), default: 12, "Most turns per attempt.",
                        example: "max_turns: 12"),
                ]
            }
            return ObjectShape(name, description, fields: fields)
        }
    }

    /// A judge: the model that decides whether an answer matches the reference.
    public struct Judge: Sendable {
        public var model: Located<String>
        public var tolerance: Double
        public var prompt: PromptOverride?

        init(_ value: ShapedValue?, at fallback: SourceRange) {
            if let object = value?.object {
                model = object.string("model") ?? Located("", at: object.range)
                tolerance = object.number("tolerance")!.value
                prompt = PromptOverride(object.string("prompt"))
            } else {
                model = value?.string ?? Located("", at: fallback)
                tolerance = 0.01
                prompt = nil
            }
        }

        static let shape = ObjectShape(
            "judge", "The judge in full form.",
            fields: [
                Field(
                    "model", .reference(.model), required: true, "The judge's model.",
                    example: "model: judge"),
                Field(
                    "tolerance", .number(0...1), default: 0.01,
                    "Relative tolerance for numeric answers.", example: "tolerance: 0.01"),
                Field(
                    "prompt", .string(.path), "Override of the built-in `judge` template.",
                    example: "prompt: prompts/judge.mustache"),
            ])
    }

    /// Stage III: the ZPD band between a peer without tools and an expert with tools.
    public struct Difficulty: Sendable {
        public var peer: Solver
        public var expert: Solver
        public var judge: Judge
        public var dedup: Double

        init(_ object: ShapedObject) {
            peer = Solver(object.objectOrEmpty("peer", shape: Self.peerShape))
            expert = Solver(object.objectOrEmpty("expert", shape: Self.expertShape))
            judge = Judge(object.value("judge"), at: object.range)
            dedup = object.number("dedup")!.value
        }

        static let peerShape = Solver.shape(
            "peer",
            "The less knowledgeable peer: answers without tools. Items it solves go to "
                + "`cpt`.", attempts: 1, solves: 0, tools: false, template: "answer")

        static let expertShape = Solver.shape(
            "expert",
            "The more knowledgeable other: an agent with tools. Items it solves and "
                + "the peer does not are the frontier (`sft`); items it never solves go to `review`.",
            attempts: 3, solves: ">=1", tools: true, template: "expert")

        static let shape = ObjectShape(
            "difficulty", "Stage III: the ZPD band.",
            fields: [
                Field(
                    "peer", .object(peerShape), required: true, "The peer, without tools.",
                    example: "peer: { model: peer, attempts: 1, solves: 0 }"),
                Field(
                    "expert", .object(expertShape), required: true, "The expert, with tools.",
                    example: "expert: { model: expert, attempts: 3, solves: \">=1\" }"),
                Field(
                    "judge", .scalarOrObject(scalar: .reference(.model), object: Judge.shape),
                    required: true, "The model that judges answers against the reference.",
                    example: "judge: judge"),
                Field(
                    "dedup", .number(0...1), default: 0.7,
                    "Drop an item at or above this similarity to an item already kept.",
                    example: "dedup: 0.7"),
            ])
    }
}
