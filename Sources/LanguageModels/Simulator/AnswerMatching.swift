internal import Foundation

/// How the simulated judge reads a response's final answer and compares it with a reference.
enum AnswerMatching {
    /// The final answer of `response`: the last `Answer:` (or `Final answer:`) line, else the
    /// last `<answer>…</answer>`; nil when there is neither.
    static func finalAnswer(in response: String) -> String? {
        let lines = response.split(separator: "\n", omittingEmptySubsequences: true)
        for line in lines.reversed() {
            let stripped = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t*#>_"))
            let lower = stripped.lowercased()
            for marker in ["final answer:", "answer:"] where lower.hasPrefix(marker) {
                let rest = stripped.dropFirst(marker.count)
                return clean(String(rest))
            }
        }
        if let open = response.range(of: "<answer>", options: .backwards) {
            let rest = response[open.upperBound...]
            let inner = rest.range(of: "</answer>").map { rest[..<$0.lowerBound] } ?? rest
            let text = String(inner)
            return text.lowercased().contains("answer:") ? finalAnswer(in: text) : clean(text)
        }
        return nil
    }

    /// Whether `answer` matches `reference`: the same text once normalized, or numbers within
    /// `tolerance` (relative; absolute when the reference is zero) whose units agree when both
    /// give one.
    static func matches(
        _ answer: String, reference: String, tolerance: Double
    ) -> (correct: Bool, reason: String) {
        if normalized(answer) == normalized(reference) && !normalized(reference).isEmpty {
            return (true, "the answer is the reference answer")
        }
        guard let expected = Quantity(reference), let given = Quantity(answer) else {
            return (false, "the answer does not match the reference answer")
        }
        let expectedUnit = firstWord(expected.normalizedUnit)
        let givenUnit = firstWord(given.normalizedUnit)
        if !expectedUnit.isEmpty && !givenUnit.isEmpty && expectedUnit != givenUnit {
            return (false, "the units differ ('\(given.unit)' against '\(expected.unit)')")
        }
        let difference = abs(given.value - expected.value)
        let allowed = expected.value == 0 ? tolerance : tolerance * abs(expected.value)
        if difference <= allowed {
            return (true, "the numbers agree within a relative tolerance of \(tolerance)")
        }
        return (
            false,
            "\(Quantity.format(given.value, significant: 6)) differs from "
                + "\(Quantity.format(expected.value, significant: 6)) by more than the tolerance"
        )
    }

    /// Lowercased letters and digits, single spaces, no leading article.
    static func normalized(_ text: String) -> String {
        var words = TextScanning.words(text)
        if let first = words.first, ["the", "a", "an"].contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    private static func clean(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        result = result.trimmingCharacters(in: CharacterSet(charactersIn: "*`\"'"))
        if result.hasSuffix(".") { result.removeLast() }
        return result.trimmingCharacters(in: .whitespaces)
    }

    private static func firstWord(_ unit: String) -> String {
        String(unit.prefix { !$0.isWhitespace && $0 != "(" })
    }
}
