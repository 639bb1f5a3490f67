public import Basics
public import Tools

/// Stage I, composing knowledge units: groups of `chunksPerUnit` chunks that belong together.
///
/// For each anchor chunk (in id order) its `neighbors` most similar chunks are considered, and
/// groups of the anchor and `chunksPerUnit - 1` neighbours whose pairwise similarities all reach
/// `coherence` are accepted (at most `groupsPerAnchor` per anchor, best neighbours first). The
/// same group found from several anchors is one unit. Units are then drawn per discipline to
/// match the mix: each discipline's candidates in an order fixed by the seed, the first
/// `share × units` of them. Everything is a function of the chunks and the settings.
public struct Composer: Sendable {
    public enum CrossDiscipline: String, Sendable { case allow, require, forbid }

    public var chunksPerUnit: Int
    public var neighbors: Int
    public var coherence: Double
    public var crossDiscipline: CrossDiscipline
    public var units: Int
    /// Target share of each discipline, in `0...1`, in the recipe's order.
    public var mix: [(discipline: String, share: Double)]
    public var seed: Int
    public var groupsPerAnchor = 2

    public init(
        chunksPerUnit: Int, neighbors: Int, coherence: Double, crossDiscipline: CrossDiscipline,
        units: Int, mix: [(discipline: String, share: Double)], seed: Int
    ) {
        self.chunksPerUnit = chunksPerUnit
        self.neighbors = neighbors
        self.coherence = coherence
        self.crossDiscipline = crossDiscipline
        self.units = units
        self.mix = mix
        self.seed = seed
    }

    /// What composing produced.
    public struct Result: Sendable {
        /// The units drawn, in id order.
        public var units: [KnowledgeUnit]
        /// Coherent candidate units found before drawing.
        public var candidates: Int
        /// Per discipline of the mix: units wanted and units drawn.
        public var draws: [(discipline: String, wanted: Int, drawn: Int)]
    }

    /// Composes units from `chunks` (in id order) by built-in lexical similarity.
    ///
    /// The similarity is a cosine of sublinear term frequencies, without inverse document
    /// frequency: IDF would make every pair's similarity depend on the whole corpus, so adding
    /// one document would reshape units it has no part in and send them through the pipeline
    /// again. Without it, a new document can only add units that include its chunks (and, by
    /// the draw, displace others).
    public func compose(_ chunks: [CorpusChunk]) -> Result {
        compose(chunks, space: TextVectors(chunks.map(\.text), weighting: .termFrequency))
    }

    /// Composes units from `chunks` (in id order), similar as `vectors` says.
    func compose(_ chunks: [CorpusChunk], space vectors: some SimilaritySpace) -> Result {
        // Each chunk's position in id order, for ties between equally similar neighbours.
        var idOrder = [Int](repeating: 0, count: chunks.count)
        for (position, index) in chunks.indices.sorted(by: { chunks[$0].id < chunks[$1].id })
            .enumerated()
        {
            idOrder[index] = position
        }
        var found: [[Int]: Void] = [:]
        var order: [[Int]] = []
        for anchor in chunks.indices {
            for group in groups(around: anchor, chunks: chunks, rank: idOrder, vectors: vectors)
            where found.updateValue((), forKey: group) == nil {
                order.append(group)
            }
        }
        let candidates = order.map { KnowledgeUnit(chunks: $0.map { chunks[$0] }) }
        var byDiscipline: [String: [KnowledgeUnit]] = [:]
        for unit in candidates { byDiscipline[unit.discipline, default: []].append(unit) }
        var drawn: [KnowledgeUnit] = []
        var draws: [(discipline: String, wanted: Int, drawn: Int)] = []
        for (discipline, wanted) in targets() {
            let ranked = (byDiscipline[discipline] ?? []).sorted {
                rank($0) != rank($1) ? rank($0) < rank($1) : $0.id < $1.id
            }
            let taken = ranked.prefix(wanted)
            drawn += taken
            draws.append((discipline, wanted, taken.count))
        }
        return Result(
            units: drawn.sorted { $0.id < $1.id }, candidates: candidates.count, draws: draws)
    }

    /// Units wanted per discipline: shares of `units`, rounded by largest remainder so they sum
    /// to `units` exactly.
    func targets() -> [(String, Int)] {
        let total = mix.reduce(0) { $0 + $1.share }
        guard total > 0 else { return [] }
        let exact = mix.map { Double(units) * $0.share / total }
        var counts = exact.map { Int($0.rounded(.down)) }
        let missing = units - counts.reduce(0, +)
        let byRemainder = exact.indices.sorted {
            let left = exact[$0] - exact[$0].rounded(.down)
            let right = exact[$1] - exact[$1].rounded(.down)
            return left != right ? left > right : $0 < $1
        }
        for index in byRemainder.prefix(missing) { counts[index] += 1 }
        return zip(mix, counts).map { ($0.discipline, $1) }
    }

    private func rank(_ unit: KnowledgeUnit) -> Digest {
        Digest(of: "compose-draw\u{0}\(seed)\u{0}\(unit.id)")
    }

    /// The `neighbors` most similar candidates, most similar first (on a tie, the first in id
    /// order, as `rank` gives it), without sorting them all.
    private func nearest(_ candidates: [(text: Int, similarity: Double)], rank: [Int]) -> [Int] {
        func before(
            _ a: (text: Int, similarity: Double), _ b: (text: Int, similarity: Double)
        )
            -> Bool
        { a.similarity != b.similarity ? a.similarity > b.similarity : rank[a.text] < rank[b.text] }
        var best: [(text: Int, similarity: Double)] = []
        best.reserveCapacity(neighbors + 1)
        for candidate in candidates {
            if best.count == neighbors, let last = best.last, !before(candidate, last) { continue }
            let position = best.firstIndex { before(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > neighbors { best.removeLast() }
        }
        return best.map(\.text)
    }

    /// Coherent groups containing `anchor`, as ascending chunk indices.
    private func groups(
        around anchor: Int, chunks: [CorpusChunk], rank: [Int], vectors: some SimilaritySpace
    ) -> [[Int]] {
        if chunksPerUnit == 1 { return [[anchor]] }
        let discipline = chunks[anchor].discipline
        let near = nearest(
            vectors.overlapping(anchor).filter { candidate in
                candidate.similarity >= coherence
                    && (crossDiscipline != .forbid
                        || chunks[candidate.text].discipline == discipline)
            }, rank: rank)
        var result: [[Int]] = []
        var chosen = [anchor]
        var steps = 0
        func extend(from start: Int) {
            guard result.count < groupsPerAnchor, steps < 10_000 else { return }
            steps += 1
            if chosen.count == chunksPerUnit {
                let disciplines = Set(chosen.map { chunks[$0].discipline })
                if crossDiscipline != .require || disciplines.count > 1 {
                    result.append(chosen.sorted())
                }
                return
            }
            var index = start
            while index < near.count {
                let candidate = near[index]
                if chosen.allSatisfy({ vectors.similarity($0, candidate) >= coherence }) {
                    chosen.append(candidate)
                    extend(from: index + 1)
                    chosen.removeLast()
                    if result.count >= groupsPerAnchor { return }
                }
                index += 1
            }
        }
        extend(from: 0)
        return result
    }
}

/// A knowledge unit: chunks a seed question must combine.
public struct KnowledgeUnit: Sendable, Hashable {
    /// The first 16 hex digits of the digest of its chunk ids.
    public var id: String
    public var chunks: [CorpusChunk]
    /// The most common discipline among its chunks (the first in id order on a tie).
    public var discipline: String

    public init(chunks: [CorpusChunk]) {
        let sorted = chunks.sorted { $0.id < $1.id }
        self.chunks = sorted
        id = Digest(of: sorted.map(\.id).joined(separator: "\u{0}")).prefix(16)
        var counts: [String: Int] = [:]
        for chunk in sorted { counts[chunk.discipline, default: 0] += 1 }
        let best = counts.values.max() ?? 0
        discipline = sorted.first { counts[$0.discipline] == best }?.discipline ?? "general"
    }
}
