/// The optimal-string-alignment distance over Unicode scalars: insertions, deletions,
/// substitutions and swaps of two adjacent characters each cost 1 (`jugde` is one edit from
/// `judge`).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}

/// The candidate closest to `word`, if it is close enough to be what the user meant: within a
/// third of the word's length (at least one edit), case differences counting as one edit at most.
/// Ties go to the candidate listed first.
public func closestMatch(to word: String, among candidates: some Sequence<String>) -> String? {
    guard !word.isEmpty else { return nil }
    let limit = max(1, word.unicodeScalars.count / 3)
    var best: (candidate: String, distance: Int)? = nil
    for candidate in candidates where candidate != word {
        let distance =
            candidate.lowercased() == word.lowercased()
            ? 1 : editDistance(word.lowercased(), candidate.lowercased())
        guard distance <= limit else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
}
