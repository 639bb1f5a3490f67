import Foundation

/// Built-in lexical similarity: term vectors over word tokens, compared by cosine.
///
/// Tokens are lowercased runs of letters and digits of two or more characters, minus a short
/// list of English function words. Each vector is scaled to unit length, so the cosine is a dot
/// product in `0...1`. Weights depend on ``Weighting``.
struct TextVectors: Sendable {
    enum Weighting: Sendable {
        /// `(1 + ln tf) · (ln((n + 1) / (df + 1)) + 1)`: rare terms weigh more, but every
        /// similarity then depends on every text in the collection.
        case tfidf
        /// `1 + ln tf`: the similarity of two texts depends on those two texts alone, so adding
        /// a text to the collection changes no other pair's similarity.
        case termFrequency
    }

    /// One sparse vector per text: term indices ascending, with their weights.
    let vectors: [[(term: Int, weight: Double)]]
    /// For each term, the texts that hold it (ascending) with its weight there, for neighbour
    /// search.
    let postings: [[(text: Int, weight: Double)]]

    init(_ texts: [String], weighting: Weighting = .tfidf) {
        var vocabulary: [String: Int] = [:]
        var counts: [[Int: Int]] = []
        counts.reserveCapacity(texts.count)
        for text in texts {
            var tally: [Int: Int] = [:]
            for token in Self.tokens(text) {
                let index =
                    vocabulary[token]
                    ?? {
                        let next = vocabulary.count
                        vocabulary[token] = next
                        return next
                    }()
                tally[index, default: 0] += 1
            }
            counts.append(tally)
        }
        var documentFrequency = [Int](repeating: 0, count: vocabulary.count)
        for tally in counts { for term in tally.keys { documentFrequency[term] += 1 } }
        let n = Double(texts.count)
        var postings = [[(text: Int, weight: Double)]](repeating: [], count: vocabulary.count)
        var vectors: [[(term: Int, weight: Double)]] = []
        vectors.reserveCapacity(texts.count)
        for (index, tally) in counts.enumerated() {
            var vector = tally.map { term, count in
                let idf =
                    weighting == .tfidf ? log((n + 1) / Double(documentFrequency[term] + 1)) + 1 : 1
                return (term: term, weight: (1 + log(Double(count))) * idf)
            }
            vector.sort { $0.term < $1.term }
            let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            if norm > 0 { vector = vector.map { ($0.term, $0.weight / norm) } }
            for entry in vector { postings[entry.term].append((index, entry.weight)) }
            vectors.append(vector)
        }
        self.vectors = vectors
        self.postings = postings
    }

    /// The cosine similarity of texts `a` and `b`.
    func similarity(_ a: Int, _ b: Int) -> Double {
        let left = vectors[a]
        let right = vectors[b]
        var i = 0
        var j = 0
        var sum = 0.0
        while i < left.count && j < right.count {
            if left[i].term == right[j].term {
                sum += left[i].weight * right[j].weight
                i += 1
                j += 1
            } else if left[i].term < right[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return min(1, sum)
    }

    /// The similarity of text `index` to every text sharing a term with it (itself excluded),
    /// as `(text, similarity)` pairs.
    func overlapping(_ index: Int) -> [(text: Int, similarity: Double)] {
        // A dense accumulator: far cheaper than a dictionary when common words make most texts
        // overlap. Weights are positive, so a zero score means not met yet.
        var scores = [Double](repeating: 0, count: vectors.count)
        var touched: [Int] = []
        for entry in vectors[index] {
            for other in postings[entry.term] where other.text != index {
                if scores[other.text] == 0 { touched.append(other.text) }
                scores[other.text] += entry.weight * other.weight
            }
        }
        return touched.map { (text: $0, similarity: min(1, scores[$0])) }
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                if current.count >= 2 && !stopWords.contains(current) { tokens.append(current) }
                current = ""
            }
        }
        if current.count >= 2 && !stopWords.contains(current) { tokens.append(current) }
        return tokens
    }

    private static let stopWords: Set<String> = [
        "the", "of", "and", "to", "in", "is", "it", "that", "for", "on", "as", "with", "by", "at",
        "an", "be", "this", "are", "from", "or", "was", "which", "its", "their", "they", "has",
        "have", "not", "but", "can", "were", "been", "when", "than", "into", "these", "those",
        "what", "how", "per", "such", "also", "so", "if", "we", "our", "one", "two", "more",
    ]
}
