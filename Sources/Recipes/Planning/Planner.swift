import Basics

/// Compiles a checked `Recipe` into a `PlanGraph`: the stages of the ZPD pipeline, their
/// inputs, and a Merkle key per node over everything that can change its result.
public struct Planner: Sendable {
    public var prompts: PromptCatalog
    /// The behaviour version of the built-in simulator, part of every simulated model's
    /// identity: a simulator that answers differently must not reuse tasks it did not run.
    public var simulatorBehaviour: Int

    public init(prompts: PromptCatalog, simulatorBehaviour: Int = 0) {
        self.prompts = prompts
        self.simulatorBehaviour = simulatorBehaviour
    }

    public func plan(_ recipe: Recipe) throws -> PlanGraph {
        var builder = PlanBuilder(
            recipe: recipe, prompts: prompts, simulatorBehaviour: simulatorBehaviour)
        try builder.addTrainingBranch()
        if let exam = recipe.exam { try builder.addExamBranch(exam) }
        return PlanGraph(recipeName: recipe.name, recipeDigest: recipe.digest, nodes: builder.nodes)
    }
}

/// Accumulates nodes in topological order, computing each key from its inputs' keys.
struct PlanBuilder {
    let recipe: Recipe
    let prompts: PromptCatalog
    let simulatorBehaviour: Int
    var nodes: [PlanNode] = []

    init(recipe: Recipe, prompts: PromptCatalog, simulatorBehaviour: Int) {
        self.recipe = recipe
        self.prompts = prompts
        self.simulatorBehaviour = simulatorBehaviour
    }

    mutating func addTrainingBranch() throws {
        let ingests = try addIngests(recipe.corpus, prefix: "", kind: .ingest)
        let chunk = try addChunk("chunk", kind: .chunk, inputs: ingests)
        let compose = try add(
            "compose", .compose, inputs: [chunk],
            summary: composeSummary(units: recipe.compose.units),
            configuration: composeConfiguration(units: recipe.compose.units),
            models: similarityModels)
        let seed = try addSeed("seed", kind: .seed, input: compose)
        let escalate = try addEscalate("escalate", kind: .escalate, input: seed)
        let difficulty = recipe.difficulty
        let calibrate = try add(
            "calibrate", .calibrate, inputs: [escalate],
            summary: "peer: \(solverSummary(difficulty.peer)); expert: "
                + "\(solverSummary(difficulty.expert)); judge: \(difficulty.judge.model.value)",
            configuration: [
                "peer": solverConfiguration(difficulty.peer, tools: false),
                "expert": solverConfiguration(difficulty.expert, tools: true),
                "tolerance": .number(difficulty.judge.tolerance),
            ],
            prompts: [
                "answer": (difficulty.peer.prompt, "answer"),
                "expert": (difficulty.expert.prompt, "expert"),
                "judge": (difficulty.judge.prompt, "judge"),
            ],
            models: [
                "peer": difficulty.peer.model.value, "expert": difficulty.expert.model.value,
                "judge": difficulty.judge.model.value,
            ],
            tools: toolConfigurations(difficulty.expert.budget))
        let dedup = try add(
            "dedup", .dedup, inputs: [calibrate],
            summary: "drop ZPD items with similarity ≥ \(difficulty.dedup.formatted) to a kept one",
            configuration: [
                "threshold": .number(difficulty.dedup), "similarity": similarityConfiguration,
            ],
            models: similarityModels)
        for (name, file) in recipe.outputs.all {
            var configuration: JSONValue = [
                "output": .string(name), "path": .string(file.path.value),
            ]
            if name == "sft" {
                configuration = [
                    "output": "sft", "path": .string(file.path.value), "format": "openai-chat",
                    "reasoning": .bool(file.includeReasoning),
                ]
            }
            _ = try add(
                "emit.\(name)", .emit, inputs: name == "cpt" ? [dedup, chunk] : [dedup],
                summary: "\(name) → \(file.path.value)", configuration: configuration)
        }
    }

    mutating func addExamBranch(_ exam: Recipe.Exam) throws {
        let ingests = try addIngests(exam.corpus, prefix: "exam.", kind: .examIngest)
        let chunk = try addChunk("exam.chunk", kind: .examChunk, inputs: ingests)
        let compose = try add(
            "exam.compose", .examCompose, inputs: [chunk],
            summary: composeSummary(units: exam.size),
            configuration: composeConfiguration(units: exam.size), models: similarityModels)
        let seed = try addSeed("exam.seed", kind: .examSeed, input: compose)
        let escalate = try addEscalate("exam.escalate", kind: .examEscalate, input: seed)
        let difficulty = recipe.difficulty
        let admit = try add(
            "exam.admit", .examAdmit, inputs: [escalate],
            summary:
                "peer: \(exam.peer.attempts.value)×, solves \(exam.peer.solves.value); expert: "
                + "\(exam.expert.attempts.value)×, solves \(exam.expert.solves.value); judge: "
                + difficulty.judge.model.value,
            configuration: [
                "peer": [
                    "attempts": .integer(exam.peer.attempts.value),
                    "solves": .string(exam.peer.solves.value.description),
                ],
                "expert": [
                    "attempts": .integer(exam.expert.attempts.value),
                    "solves": .string(exam.expert.solves.value.description),
                    "budget": difficulty.expert.budget.configuration,
                    "max_turns": .integer(difficulty.expert.maxTurns),
                ],
                "tolerance": .number(difficulty.judge.tolerance),
            ],
            prompts: [
                "answer": (difficulty.peer.prompt, "answer"),
                "expert": (difficulty.expert.prompt, "expert"),
                "judge": (difficulty.judge.prompt, "judge"),
            ],
            models: [
                "peer": difficulty.peer.model.value, "expert": difficulty.expert.model.value,
                "judge": difficulty.judge.model.value,
            ],
            tools: toolConfigurations(difficulty.expert.budget))
        let trainingDedup = nodes.first { $0.kind == .dedup }.map(\.id)
        let dedup = try add(
            "exam.dedup", .examDedup, inputs: [admit] + (trainingDedup.map { [$0] } ?? []),
            summary: "drop items with similarity ≥ \(difficulty.dedup.formatted) to a kept or "
                + "training item",
            configuration: [
                "threshold": .number(difficulty.dedup), "size": .integer(exam.size),
                "similarity": similarityConfiguration,
            ],
            models: similarityModels)
        _ = try add(
            "exam.emit", .examEmit, inputs: [dedup], summary: "exam → \(exam.output.value)",
            configuration: ["output": "exam", "path": .string(exam.output.value)])
    }

    // MARK: Shared stages

    private mutating func addIngests(
        _ sources: [Recipe.CorpusSource], prefix: String, kind: PlanNode.Kind
    ) throws -> [String] {
        try sources.enumerated().map { index, source in
            let discipline: JSONValue =
                switch source.discipline.value {
                case .constant(let name): ["constant": .string(name)]
                case .field(let field): ["field": .string(field)]
                case .frontMatter(let key): ["frontmatter": .string(key)]
                }
            let shown =
                switch source.discipline.value {
                case .constant(let name): name
                case .field(let field): "field '\(field)'"
                case .frontMatter(let key): "front matter '\(key)'"
                }
            var configuration: [String: JSONValue] = [
                "path": .string(source.path.value), "discipline": discipline,
                "format": .string(source.format.rawValue), "text": .string(source.textField),
            ]
            if let id = source.idField { configuration["id"] = .string(id) }
            return try add(
                "\(prefix)ingest[\(index)]", kind, inputs: [],
                summary: "\(source.path.value) → \(shown) (\(source.format.rawValue))",
                configuration: .object(configuration))
        }
    }

    private mutating func addChunk(
        _ id: String, kind: PlanNode.Kind, inputs: [String]
    ) throws -> String {
        let compose = recipe.compose
        var configuration: [String: JSONValue] = ["chunk_chars": .integer(compose.chunkChars)]
        var summary = "paragraphs up to \(compose.chunkChars) chars"
        var prompts: [String: (Recipe.PromptOverride?, String)] = [:]
        var models: [String: String] = [:]
        if let condense = compose.condense {
            configuration["condense"] = true
            prompts["condense"] = (condense.prompt, "condense")
            models["condense"] = condense.model.value
            summary += ", condensed by \(condense.model.value)"
        }
        return try add(
            id, kind, inputs: inputs, summary: summary, configuration: .object(configuration),
            prompts: prompts, models: models)
    }

    private mutating func addSeed(_ id: String, kind: PlanNode.Kind, input: String) throws -> String
    {
        let seed = recipe.seedQuestions
        return try add(
            id, kind, inputs: [input],
            summary: "\(seed.model.value) writes \(seed.perUnit) question(s) per unit",
            configuration: ["per_unit": .integer(seed.perUnit), "seed": .integer(recipe.seed)],
            prompts: ["seed": (seed.prompt, "seed")], models: ["writer": seed.model.value])
    }

    private mutating func addEscalate(
        _ id: String, kind: PlanNode.Kind, input: String
    ) throws -> String {
        let escalation = recipe.escalation
        var models = ["refiner": escalation.model.value]
        var prompts: [String: (Recipe.PromptOverride?, String)] = [
            "escalate": (escalation.prompt, "escalate")
        ]
        if escalation.stop == "peer-fails" {
            models["peer"] = recipe.difficulty.peer.model.value
            models["judge"] = recipe.difficulty.judge.model.value
            prompts["answer"] = (recipe.difficulty.peer.prompt, "answer")
            prompts["judge"] = (recipe.difficulty.judge.prompt, "judge")
        }
        return try add(
            id, kind, inputs: [input],
            summary: "\(escalation.model.value), \(escalation.rounds.value) round(s), stop "
                + "\(escalation.stop)\(budgetSummary(escalation.budget))",
            configuration: [
                "rounds": .integer(escalation.rounds.value), "stop": .string(escalation.stop),
                "dimensions": .array(escalation.dimensions.map { .string($0) }),
                "budget": escalation.budget.configuration,
                "max_turns": .integer(escalation.maxTurns), "seed": .integer(recipe.seed),
            ],
            prompts: prompts, models: models, tools: toolConfigurations(escalation.budget))
    }

    /// Adds a node and returns its id; its key covers everything given and its inputs' keys.
    private mutating func add(
        _ id: String, _ kind: PlanNode.Kind, inputs: [String], summary: String,
        configuration: JSONValue, prompts: [String: (Recipe.PromptOverride?, String)] = [:],
        models: [String: String] = [:], tools: JSONValue? = nil
    ) throws -> String {
        var promptDigests: [String: JSONValue] = [:]
        for (slot, (override, name)) in prompts {
            promptDigests[slot] = .string(try self.prompts.digest(name, override: override).hex)
        }
        var upstream: [String: JSONValue] = [:]
        for input in inputs {
            guard let node = nodes.first(where: { $0.id == input }) else {
                throw InternalError("input '\(input)' of '\(id)' is not planned before it")
            }
            upstream[input] = .string(node.key.hex)
        }
        var document: [String: JSONValue] = [
            "kind": .string(kind.rawValue), "version": .integer(kind.version),
            "configuration": configuration, "prompts": .object(promptDigests),
            "models": .object(models.mapValues(modelIdentity)), "inputs": .object(upstream),
        ]
        if let tools { document["tools"] = tools }
        let keyDocument = JSONValue.object(document)
        let key = Digest(of: try keyDocument.canonicalBytes())
        document["inputs"] = nil
        let localDocument = JSONValue.object(document)
        nodes.append(
            PlanNode(
                id: id, kind: kind, summary: summary, inputs: inputs, keyDocument: keyDocument,
                key: key, localDocument: localDocument,
                localKey: Digest(of: try localDocument.canonicalBytes())))
        return id
    }
}
