import Basics
import Tools

/// What composing produced, as the compose task stores it: units by their chunk ids.
struct ComposeOutput: Sendable, Codable {
    struct Draw: Sendable, Codable {
        var discipline: String
        var wanted: Int
        var drawn: Int
    }

    var units: [[String]]
    var candidates: Int
    var draws: [Draw]

    init(_ result: Composer.Result) {
        units = result.units.map { $0.chunks.map(\.id) }
        candidates = result.candidates
        draws = result.draws.map {
            Draw(discipline: $0.discipline, wanted: $0.wanted, drawn: $0.drawn)
        }
    }

    /// The result again, with the chunks of `chunks`; throws when a unit names a chunk the
    /// corpus no longer has (a task output that does not match its key).
    func result(chunks: [String: CorpusChunk]) throws -> Composer.Result {
        let units = try units.map { ids in
            KnowledgeUnit(
                chunks: try ids.map { id in
                    guard let chunk = chunks[id] else {
                        throw InternalError(
                            "a cached unit names chunk '\(id)', which is not in the corpus")
                    }
                    return chunk
                })
        }
        return Composer.Result(
            units: units, candidates: candidates,
            draws: draws.map { ($0.discipline, $0.wanted, $0.drawn) })
    }
}
