/// Texts and how similar any two of them are, on a `0...1` scale: term vectors
/// (``TextVectors``) or embeddings from a model (``DenseVectors``).
protocol SimilaritySpace: Sendable {
    /// The cosine similarity of texts `a` and `b`.
    func similarity(_ a: Int, _ b: Int) -> Double
    /// The similarity of text `index` to the other texts worth considering (for term vectors, those
    /// sharing a term with it; for embeddings, all).
    func overlapping(_ index: Int) -> [(text: Int, similarity: Double)]
}

extension TextVectors: SimilaritySpace {}

/// Embedding vectors, scaled to unit length, compared by cosine (negative cosines count as 0).
struct DenseVectors: SimilaritySpace {
    let vectors: [[Float]]

    init(_ vectors: [[Float]]) {
        self.vectors = vectors.map { vector in
            let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }

    func similarity(_ a: Int, _ b: Int) -> Double {
        let left = vectors[a]
        let right = vectors[b]
        var sum: Float = 0
        for index in 0..<min(left.count, right.count) { sum += left[index] * right[index] }
        return Double(max(0, min(1, sum)))
    }

    func overlapping(_ index: Int) -> [(text: Int, similarity: Double)] {
        vectors.indices.compactMap { other in
            other == index ? nil : (other, similarity(index, other))
        }
    }
}
