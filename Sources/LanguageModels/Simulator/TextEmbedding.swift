/// Simulated embeddings: a unit vector of hashed word features, so texts that share words are
/// close and unrelated texts are nearly orthogonal.
///
/// Each word (lowercased letters and digits, stopwords dropped) adds 1, and each pair of
/// neighbouring words 0.5, to one coordinate chosen by its 64-bit FNV-1a hash, with a sign
/// from another bit of the hash; the vector is then normalized. A text without words maps to
/// the first basis vector.
enum TextEmbedding {
    static func vector(for text: String, dimensions: Int) -> [Float] {
        let count = max(1, dimensions)
        var vector = [Double](repeating: 0, count: count)
        let words = TextScanning.words(text).filter { !TextScanning.stopwords.contains($0) }
        func add(_ feature: String, _ weight: Double) {
            let hash = fnv1a(feature)
            let index = Int(hash % UInt64(count))
            vector[index] += (hash >> 63) == 0 ? weight : -weight
        }
        for (index, word) in words.enumerated() {
            add(word, 1)
            if index > 0 { add(words[index - 1] + " " + word, 0.5) }
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else {
            var basis = [Float](repeating: 0, count: count)
            basis[0] = 1
            return basis
        }
        return vector.map { Float($0 / norm) }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across processes, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
