internal import Basics

/// Chooses, per request, whether a structured answer comes out malformed, and spoils it the
/// way real models do, to exercise repair and retry paths.
///
/// The choice is drawn from the request's digest, so the same request is always malformed or
/// always not. JSON answers are cut short (`finish_reason: length`), given a trailing comma, or
/// lose a required field; final answers lose their `Answer:` line; tool arguments are cut short.
struct Malformer {
    var rate: Double

    /// Which way to spoil the answer to the request with `digest`; nil to leave it intact.
    func variant(for digest: Digest) -> Int? {
        guard rate > 0 else { return nil }
        var random = DeterministicRandom(digest, "malformed")
        guard random.chance(rate) else { return nil }
        return random.below(3)
    }

    /// `object` as JSON, spoiled by `variant` when it is not nil; `required` names the field
    /// the third variant drops.
    static func json(
        _ object: [String: JSONValue], required: String, variant: Int?, digest: Digest
    ) -> (text: String, finish: ChatCompletion.FinishReason) {
        let intact = (try? JSONValue.object(object).canonicalString()) ?? "{}"
        switch variant {
        case 0?:
            var random = DeterministicRandom(digest, "cut")
            let keep = Int(Double(intact.count) * (0.3 + 0.5 * random.unit()))
            return (String(intact.prefix(max(1, keep))), .length)
        case 1?:
            return ("Here is the result:\n" + intact.dropLast() + ",}", .stop)
        case 2?:
            var reduced = object
            reduced[required] = nil
            return ((try? JSONValue.object(reduced).canonicalString()) ?? "{}", .stop)
        default:
            return (intact, .stop)
        }
    }

    /// A final answer spoiled by `variant`: reasoning cut off before the answer, or the answer
    /// given in prose without its `Answer:` line.
    static func finalAnswer(
        reasoning: String, answer: String, variant: Int?
    ) -> (text: String, finish: ChatCompletion.FinishReason) {
        switch variant {
        case 0?:
            return (String(reasoning.prefix(max(1, reasoning.count * 2 / 3))), .length)
        case 1?, 2?:
            return (
                reasoning + "\nSo I would say it is probably " + answer + ", but I am not sure.",
                .stop
            )
        default:
            return (reasoning + "\nAnswer: " + answer, .stop)
        }
    }

    /// Tool-call arguments cut short.
    static func truncatedArguments(_ arguments: String) -> String {
        String(arguments.prefix(max(1, arguments.count / 2)))
    }
}
