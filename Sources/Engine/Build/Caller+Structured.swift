import Basics
import LanguageModels

/// The outcome of asking for one JSON object: the object, or why there is none.
struct Structured: Sendable {
    var object: [String: JSONValue]?
    /// Why the final reply could not be used (after the one repair).
    var problem: String?
    /// The keys of the calls made, in order.
    var calls: [Digest]
    /// Whether a repair request was needed.
    var repaired: Bool
}

extension Caller {
    /// Asks for one JSON object with `required` fields. A reply that does not parse (or was cut
    /// off) is repaired once, by asking again with the reply and what is wrong with it; a second
    /// failure is returned as a problem, for the stage to record as a failed attempt.
    func structured(
        _ messages: [ChatMessage], required: [String], seed: Int, sampleIndex: Int?
    ) async throws -> Structured {
        let first = try await send(request(messages, seed: seed, sampleIndex: sampleIndex))
        let problem: String
        switch Self.read(first, required: required) {
        case .success(let object):
            return Structured(object: object, problem: nil, calls: [first.key], repaired: false)
        case .failure(let failure):
            problem = failure.description
        }
        let repair =
            messages + [
                .assistant(first.text),
                .user(Self.repairRequest(problem: problem, required: required)),
            ]
        let second = try await send(request(repair, seed: seed, sampleIndex: sampleIndex))
        switch Self.read(second, required: required) {
        case .success(let object):
            return Structured(
                object: object, problem: nil, calls: [first.key, second.key], repaired: true)
        case .failure(let failure):
            return Structured(
                object: nil, problem: failure.description, calls: [first.key, second.key],
                repaired: true)
        }
    }

    static func read(
        _ reply: Reply, required: [String]
    ) -> Result<[String: JSONValue], StructuredReply.Problem> {
        if reply.truncated {
            return .failure(.init("the reply was cut off at max_tokens"))
        }
        return StructuredReply.parse(reply.text, required: required)
    }

    static func repairRequest(problem: String, required: [String]) -> String {
        "Your reply could not be used: \(problem). Reply again with one JSON object and nothing "
            + "else, with the fields "
            + required.map { "\"\($0)\"" }.joined(separator: ", ") + "."
    }
}
