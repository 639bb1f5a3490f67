import Basics

extension PlanBuilder {
    /// What identifies a model's behaviour: the endpoint's identity, the model string and
    /// revision, and every sampling setting. Not the role name, the price or the API key.
    func modelIdentity(_ role: String) -> JSONValue {
        guard let model = recipe.model(named: role) else { return .null }
        let endpoint = recipe.endpoint(named: model.endpoint.value)
        var endpointIdentity = endpoint?.identity ?? .null
        if case .simulated? = endpoint?.kind, case .object(var fields) = endpointIdentity {
            fields["simulator_behaviour"] = .integer(simulatorBehaviour)
            endpointIdentity = .object(fields)
        }
        var identity: [String: JSONValue] = [
            "model": .string(model.model.value), "endpoint": endpointIdentity,
            "tool_protocol": .string(model.toolProtocol.rawValue),
        ]
        if let revision = model.revision { identity["revision"] = .string(revision) }
        if let value = model.temperature { identity["temperature"] = .number(value) }
        if let value = model.topP { identity["top_p"] = .number(value) }
        if let value = model.maxTokens { identity["max_tokens"] = .integer(value) }
        if let value = model.seed { identity["seed"] = .integer(value) }
        if let stop = model.stop { identity["stop"] = .array(stop.map { .string($0) }) }
        return .object(identity)
    }

    var similarityConfiguration: JSONValue {
        switch recipe.compose.similarity {
        case .lexical: "lexical"
        case .model: ["embeddings": "model"]
        }
    }

    var similarityModels: [String: String] {
        if case .model(let model) = recipe.compose.similarity {
            ["embedder": model.value]
        } else {
            [:]
        }
    }

    func composeConfiguration(units: Int) -> JSONValue {
        let compose = recipe.compose
        var mix: [String: JSONValue] = [:]
        for share in recipe.disciplines {
            mix[share.name.value] = .number(share.percent?.value ?? 0)
        }
        return [
            "units": .integer(units), "chunks_per_unit": .integer(compose.chunksPerUnit.value),
            "neighbors": .integer(compose.neighbors.value), "coherence": .number(compose.coherence),
            "similarity": similarityConfiguration,
            "cross_discipline": .string(compose.crossDiscipline),
            "disciplines": .object(mix), "seed": .integer(recipe.seed),
        ]
    }

    func composeSummary(units: Int) -> String {
        let compose = recipe.compose
        let similarity =
            switch compose.similarity {
            case .lexical: "lexical"
            case .model(let model): "embeddings of \(model.value)"
            }
        return
            "\(units) units of \(compose.chunksPerUnit.value) chunks, \(compose.neighbors.value) "
            + "neighbours, coherence \(compose.coherence.formatted), \(similarity)"
    }

    func solverConfiguration(_ solver: Recipe.Solver, tools: Bool) -> JSONValue {
        var configuration: [String: JSONValue] = [
            "attempts": .integer(solver.attempts.value),
            "solves": .string(solver.solves.value.description),
        ]
        if tools {
            configuration["budget"] = solver.budget.configuration
            configuration["max_turns"] = .integer(solver.maxTurns)
        }
        return .object(configuration)
    }

    func solverSummary(_ solver: Recipe.Solver) -> String {
        "\(solver.model.value) \(solver.attempts.value)×, solves \(solver.solves.value)"
            + budgetSummary(solver.budget)
    }

    func budgetSummary(_ budget: Recipe.Budget) -> String {
        var parts = budget.perTool.map { "\($0.key.value) \($0.value)" }.sorted()
        if let total = budget.total { parts.append("total \(total)") }
        return parts.isEmpty ? "" : ", budget " + parts.joined(separator: " ")
    }

    /// The configurations of the tools a budget allows, by tool name.
    func toolConfigurations(_ budget: Recipe.Budget) -> JSONValue {
        var tools: [String: JSONValue] = [:]
        for name in budget.perTool.keys {
            if let tool = recipe.tool(named: name.value) { tools[name.value] = tool.configuration }
        }
        return .object(tools)
    }
}
