internal import Basics
internal import Foundation

/// Refines a question by one round: the item's level rises by one, so its difficulty rises by
/// one step, and the question text says what the round added.
///
/// Each round applies one or two of the dimensions the prompt offers. Knowledge expansion,
/// conceptual abstraction and factual grounding each prefix a sentence; computational
/// formulation appends a calculation on the previous answer (a factor to multiply a number by,
/// or the letter count of a name), so the refined answer changes and stays checkable.
enum Escalator {
    static let allDimensions = [
        "knowledge-expansion", "conceptual-abstraction", "factual-grounding",
        "computational-formulation",
    ]

    struct Refinement {
        var item: SimulatedItem
        var question: String
        var explanation: String
        var dimensions: [String]
        var toolsUsed: [String]
    }

    static func refine(_ task: EscalateTask, digest: Digest, toolsUsed: [String]) -> Refinement {
        var random = DeterministicRandom(digest, "escalate")
        let body = SimulatedItem.body(of: task.question)
        var item =
            SimulatedItem(tagIn: task.question)
            ?? SimulatedItem(
                id: Digest(of: body).prefix(12), level: 0, discipline: "general",
                answer: task.answer)
        let previous = item.answer ?? task.answer
        let offered = task.dimensions.isEmpty ? allDimensions : task.dimensions
        var chosen = [random.pick(offered)]
        if offered.count > 1 && random.chance(0.35) {
            let rest = offered.filter { $0 != chosen[0] }
            chosen.append(random.pick(rest))
        }
        chosen = offered.filter(chosen.contains)

        let topic = TextScanning.keywords(body, count: 3).last ?? "the topic"
        var prefix: [String] = []
        var suffix = ""
        var answer = previous
        var working = ""
        for dimension in chosen {
            switch dimension {
            case "knowledge-expansion":
                prefix.append("Consider the wider context the corpus gives on \(topic).")
            case "conceptual-abstraction":
                prefix.append("Reason from the governing principle rather than a recalled figure.")
            case "factual-grounding":
                prefix.append("Rely only on figures that the sources confirm.")
            case "computational-formulation":
                if let quantity = Quantity(previous) {
                    let factor = (110 + Double(random.below(241))) / 100
                    let result = Quantity(value: quantity.value * factor, unit: quantity.unit)
                    answer = result.formatted
                    suffix =
                        " Then multiply that value by \(Quantity.format(factor)) and give the "
                        + "result to three significant figures."
                    working =
                        "Computed in Python: value = \(quantity.value); "
                        + "print(value * \(Quantity.format(factor))) printed "
                        + "\(Quantity.format(quantity.value * factor, significant: 6)), "
                        + "which rounds to \(answer)."
                } else {
                    answer = String(previous.filter(\.isLetter).count)
                    suffix = " Then give the number of letters in that answer."
                    working =
                        "Computed in Python: len(\"\(previous)\") counting letters only "
                        + "printed \(answer)."
                }
            default:
                prefix.append(
                    "Also take into account \(dimension.replacingOccurrences(of: "-", with: " ")).")
            }
        }
        item.level += 1
        item.answer = answer
        let refinedBody = (prefix + [body + suffix]).joined(separator: " ")
        var used: [String] = []
        for tool in toolsUsed where !used.contains(tool) { used.append(tool) }
        var explanation =
            "Round \(item.level): applied \(SeedWriter.list(chosen)). The previous answer was "
            + "\(previous)."
        if !used.isEmpty { explanation += " Checked with \(SeedWriter.list(used))." }
        if !working.isEmpty { explanation += " " + working }
        explanation += " The refined answer is \(answer)."
        return Refinement(
            item: item, question: item.question(body: refinedBody), explanation: explanation,
            dimensions: chosen, toolsUsed: used)
    }
}
