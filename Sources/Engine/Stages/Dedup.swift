/// Stage III's dedup: a ZPD candidate is dropped when its question's similarity to an item
/// already kept reaches `threshold`. Candidates are taken in stable item order, so the result
/// does not depend on which finished first.
struct Dedup: Sendable {
    var threshold: Double

    /// Whether each of `questions` is kept, in order, by TF-IDF similarity.
    func keep(_ questions: [String]) -> [Bool] {
        keep(count: questions.count, space: TextVectors(questions))
    }

    /// Whether each of `count` texts is kept, in order, similar as `vectors` says; the first
    /// `prior` are kept whatever they are (they were kept before).
    func keep(count: Int, space vectors: some SimilaritySpace, prior: Int = 0) -> [Bool] {
        var kept: [Int] = Array(0..<min(prior, count))
        var result = [Bool](repeating: true, count: kept.count)
        for index in kept.count..<count {
            let duplicate = kept.contains { vectors.similarity($0, index) >= threshold }
            result.append(!duplicate)
            if !duplicate { kept.append(index) }
        }
        return result
    }
}
