internal import Foundation

/// Small text helpers the simulator reads prompts with. Plain scanning, no regular
/// expressions: prompts are short and this runs for every simulated call.
enum TextScanning {
    /// Words too common to name a topic.
    static let stopwords: Set<String> = [
        "a", "about", "above", "after", "again", "also", "among", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "each", "for", "from", "further", "had", "has", "have",
        "having", "how", "if", "in", "into", "is", "it", "its", "itself", "more", "most", "much",
        "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out", "over", "own",
        "same", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "however", "therefore", "thus", "within",
        "without", "using", "used", "use", "given", "passage", "passages", "question", "answer",
        "according", "several", "various", "around", "approximately", "whereas", "although",
    ]

    /// The text after the last occurrence of `marker`, or nil.
    static func after(_ marker: String, in text: String) -> Substring? {
        guard let range = text.range(of: marker, options: .backwards) else { return nil }
        return text[range.upperBound...]
    }

    /// The text after the first `start` and before the next `end` (or the end of the text).
    static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let open = text.range(of: start) else { return nil }
        let rest = text[open.upperBound...]
        if let close = rest.range(of: end) {
            return String(rest[..<close.lowerBound])
        }
        return String(rest)
    }

    /// The first line of `text`, trimmed.
    static func firstLine(_ text: some StringProtocol) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Lowercased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The most telling words of `text`: not stopwords, at least `minimumLength` long, by
    /// frequency then length, ties broken alphabetically.
    static func keywords(_ text: String, count: Int, minimumLength: Int = 4) -> [String] {
        var frequency: [String: Int] = [:]
        for word in words(text)
        where word.count >= minimumLength && !stopwords.contains(word)
            && !word.allSatisfy(\.isNumber)
        {
            frequency[word, default: 0] += 1
        }
        let ranked = frequency.sorted { left, right in
            if left.value != right.value { return left.value > right.value }
            if left.key.count != right.key.count { return left.key.count > right.key.count }
            return left.key < right.key
        }
        return ranked.prefix(count).map(\.key)
    }

    /// Undoes the HTML escaping a Mustache `{{value}}` applies, in case a prompt was rendered
    /// with it.
    static func unescapeHTML(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&#x2F;", with: "/")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `text` cut to at most `limit` characters at a word boundary.
    static func clipped(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        if let space = prefix.lastIndex(of: " ") { return String(prefix[..<space]) }
        return String(prefix)
    }
}
