public import Basics
public import Recipes

/// What differs between two key documents of a node, named as the recipe names it:
/// `escalation.prompt: digest 3fa2c1d0… → 9c01ab23…`, `models.judge.model: "gpt-4o" →
/// "qwen3-32b"`, `difficulty.dedup: 0.7 → 0.2`.
enum KeyChange {
    /// The differences between `old` and `new`, local key documents of node `id` of `kind`,
    /// one line each. `recipe` names the models in the nodes' model slots; without it, a slot
    /// is named by its role (`judge`, `writer`).
    static func components(
        of id: String, kind: PlanNode.Kind, old: JSONValue, new: JSONValue, recipe: Recipe?
    ) -> [String] {
        var lines: [String] = []
        for (path, before, after) in leafDifferences(old, new, path: []) {
            lines.append(describe(path, before, after, id: id, kind: kind, recipe: recipe))
        }
        return lines
    }

    /// The recipe name a component line is about: `escalation.prompt`, `models.judge`.
    static func componentName(_ line: String) -> String {
        let name = line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? line
        if name.hasPrefix("models.") {
            return name.split(separator: ".").prefix(2).joined(separator: ".")
        }
        return name
    }

    /// What differs between two task inputs (the `input` of their keys), one line each:
    /// `input: chunk corpus/physics/optics.md#2 changed`.
    static func inputs(old: JSONValue, new: JSONValue) -> [String] {
        guard case .object(let before) = old, case .object(let after) = new else {
            return old == new ? [] : ["input: changed"]
        }
        var lines: [String] = []
        for key in Set(before.keys).union(after.keys).sorted()
        where render(before[key]) != render(after[key]) {
            if case .object(let inner)? = before[key], case .object(let outer)? = after[key] {
                let noun = key.hasSuffix("s") ? String(key.dropLast()) : key
                for member in Set(inner.keys).union(outer.keys).sorted()
                where render(inner[member]) != render(outer[member]) {
                    let what =
                        inner[member] == nil
                        ? "added" : outer[member] == nil ? "removed" : "changed"
                    lines.append("input: \(noun) \(member) \(what)")
                }
            } else {
                lines.append("input: \(inputNames[key] ?? key) changed")
            }
        }
        return lines
    }

    private static let inputNames = [
        "seed": "seed question", "question": "question", "questions": "candidate questions",
        "prior": "questions kept before", "records": "records",
    ]

    /// Leaves (scalars and arrays) that differ, with their paths; a side's missing leaf is nil.
    private static func leafDifferences(
        _ old: JSONValue?, _ new: JSONValue?, path: [String]
    ) -> [(path: [String], old: JSONValue?, new: JSONValue?)] {
        if case .object(let before)? = old, case .object(let after)? = new {
            return Set(before.keys).union(after.keys).sorted().flatMap {
                leafDifferences(before[$0], after[$0], path: path + [$0])
            }
        }
        if case .object(let before)? = old, new == nil {
            return before.keys.sorted().flatMap {
                leafDifferences(before[$0], nil, path: path + [$0])
            }
        }
        if old == nil, case .object(let after)? = new {
            return after.keys.sorted().flatMap {
                leafDifferences(nil, after[$0], path: path + [$0])
            }
        }
        // Compared as canonical JSON: a number read back from a stored key (`0`) equals the
        // same number planned as a double (`0.0`).
        return render(old) == render(new) ? [] : [(path, old, new)]
    }

    private static func describe(
        _ path: [String], _ old: JSONValue?, _ new: JSONValue?, id: String, kind: PlanNode.Kind,
        recipe: Recipe?
    ) -> String {
        guard let section = path.first else { return "key changed" }
        let rest = Array(path.dropFirst())
        switch section {
        case "version":
            return "frontier's \(kind.rawValue) stage changed "
                + "(version \(render(old)) → \(render(new)))"
        case "prompts":
            let slot = rest.first ?? ""
            let name = promptNames[slot] ?? "prompts.\(slot)"
            return "\(name): digest \(short(old)) → \(short(new))"
        case "models":
            let slot = rest.first ?? ""
            let model = modelName(slot: slot, recipe: recipe)
            let field = rest.dropFirst().joined(separator: ".")
            return "models.\(model)\(field.isEmpty ? "" : "." + field): "
                + "\(render(old)) → \(render(new))"
        case "tools":
            return "tools.\(rest.joined(separator: ".")): \(render(old)) → \(render(new))"
        case "configuration":
            return "\(configurationName(rest, id: id, kind: kind)): \(render(old)) → \(render(new))"
        default:
            return "\(path.joined(separator: ".")): \(render(old)) → \(render(new))"
        }
    }

    /// Where each prompt slot is overridden in the recipe.
    private static let promptNames = [
        "condense": "compose.condense.prompt", "seed": "seed_questions.prompt",
        "escalate": "escalation.prompt", "answer": "difficulty.peer.prompt",
        "expert": "difficulty.expert.prompt", "judge": "difficulty.judge.prompt",
    ]

    /// The recipe's name of the model in a node's model slot.
    private static func modelName(slot: String, recipe: Recipe?) -> String {
        guard let recipe else { return slot == "refiner" ? "writer" : slot }
        return switch slot {
        case "writer": recipe.seedQuestions.model.value
        case "refiner": recipe.escalation.model.value
        case "peer": recipe.difficulty.peer.model.value
        case "expert": recipe.difficulty.expert.model.value
        case "judge": recipe.difficulty.judge.model.value
        case "condense": recipe.compose.condense?.model.value ?? slot
        default: slot
        }
    }

    /// The recipe key a configuration path of `node` comes from.
    private static func configurationName(
        _ path: [String], id: String, kind: PlanNode.Kind
    ) -> String {
        let joined = path.joined(separator: ".")
        if path.first == "seed" { return "seed" }
        if path.first == "disciplines" { return joined }
        let exam = id.hasPrefix("exam.")
        let section: String
        switch kind {
        case .chunk, .examChunk, .compose:
            section = "compose"
        case .examCompose:
            return path == ["units"] ? "exam.size" : "compose.\(joined)"
        case .seed, .examSeed: section = "seed_questions"
        case .escalate, .examEscalate: section = "escalation"
        case .calibrate: section = "difficulty"
        case .examAdmit: return "exam.admit.\(joined)"
        case .dedup, .examDedup:
            if path == ["threshold"] { return exam ? "exam.dedup" : "difficulty.dedup" }
            if path == ["similarity"] { return "compose.similarity" }
            section = "difficulty"
        case .emit, .examEmit:
            let output = id.split(separator: ".").last.map(String.init) ?? "output"
            return exam ? "exam.\(joined)" : "outputs.\(output).\(joined)"
        case .ingest, .examIngest: section = exam ? "exam.corpus" : "corpus"
        }
        return "\(section).\(joined)"
    }

    private static func render(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        return (try? value.canonicalString()) ?? "\(value)"
    }

    /// A digest as its first 8 hex digits and an ellipsis.
    private static func short(_ value: JSONValue?) -> String {
        guard let text = value?.stringValue else { return "(none)" }
        return String(text.prefix(8)) + "…"
    }
}
