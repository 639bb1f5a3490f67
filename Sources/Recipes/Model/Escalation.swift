public import Basics

extension Recipe {
    /// Tool calls allowed per round: per tool name, and in total.
    public struct Budget: Sendable, Hashable {
        public var perTool: [Located<String>: Int]
        public var total: Int?

        init(_ object: ShapedObject?) {
            var perTool: [Located<String>: Int] = [:]
            for entry in object?.additionalEntries ?? [] {
                perTool[entry.name] = entry.value.integer?.value ?? 0
            }
            self.perTool = perTool
            total = object?.integer("total")?.value
        }

        /// Canonical form for keys: tool name → count, and the total.
        public var configuration: JSONValue {
            var members: [String: JSONValue] = [:]
            for (tool, count) in perTool { members[tool.value] = .integer(count) }
            if let total { members["total"] = .integer(total) }
            return .object(members)
        }

        static let shape = ObjectShape(
            "budget",
            "Tool calls allowed: a count per tool name (as declared under `tools`) and an optional "
                + "`total`. Tools not named may not be called.",
            fields: [
                Field("total", .integer(0...1000), "Most tool calls in all.", example: "total: 6")
            ],
            additional: .integer(0...1000))
    }

    /// Stage II: rounds in which a tool-using agent makes each question harder.
    public struct Escalation: Sendable {
        public static let allDimensions = [
            "knowledge-expansion", "conceptual-abstraction", "factual-grounding",
            "computational-formulation",
        ]

        public var model: Located<String>
        public var rounds: Located<Int>
        public var stop: String
        public var dimensions: [String]
        public var budget: Budget
        public var budgetRange: SourceRange?
        public var maxTurns: Int
        public var prompt: PromptOverride?

        init(_ object: ShapedObject) {
            model = object.string("model") ?? Located("", at: object.range)
            rounds = object.integer("rounds")!
            stop = object.string("stop")!.value
            dimensions = object.list("dimensions")!.compactMap { $0.string?.value }
            budget = Budget(object.object("budget"))
            budgetRange = object.object("budget")?.range
            maxTurns = object.integer("max_turns")!.value
            prompt = PromptOverride(object.string("prompt"))
        }

        static let shape = ObjectShape(
            "escalation",
            "Stage II: a refinement agent with tools rewrites each question, round "
                + "by round, into a harder one.",
            fields: [
                Field(
                    "model", .reference(.model), required: true, "The refining agent's model.",
                    example: "model: writer"),
                Field(
                    "rounds", .integer(1...100), default: 8,
                    "Most refinement rounds per item (the paper's K_max).", example: "rounds: 8"),
                Field(
                    "stop", .choice(["peer-fails", "fixed"]), default: "peer-fails",
                    "`peer-fails`: stop once the peer fails the question. `fixed`: always run "
                        + "every round.", example: "stop: fixed"),
                Field(
                    "dimensions", .list(.choice(allDimensions), minCount: 1),
                    default: .array(allDimensions.map { .string($0) }),
                    "The ways a round may make a question harder.",
                    example: "dimensions: [knowledge-expansion, computational-formulation]"),
                Field(
                    "budget", .object(Budget.shape), "Tool calls allowed per round.",
                    example: "budget: { search: 3, browse: 3, python: 2, total: 6 }"),
                Field(
                    "max_turns", .integer(1...200), default: 8,
                    "Most model turns per round.", example: "max_turns: 8"),
                Field(
                    "prompt", .string(.path), "Override of the built-in `escalate` template.",
                    example: "prompt: prompts/escalate.mustache"),
            ])
    }
}
