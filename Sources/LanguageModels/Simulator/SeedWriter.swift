internal import Basics
internal import Foundation

/// Writes a seed question from a knowledge unit's passages: a question that names a topic of
/// every passage and asks for a figure (or, failing that, a name) one of them states.
///
/// The answer is taken from the passages: a number with its unit when there is one, else a
/// capitalized name that does not start a sentence. The item's id is the request digest's first
/// twelve hex digits, so another sample of the same unit is another item.
enum SeedWriter {
    static let units: Set<String> = [
        "%", "km", "m", "cm", "mm", "nm", "µm", "kg", "g", "mg", "s", "ms", "min", "h", "K", "°C",
        "°", "eV", "keV", "MeV", "GeV", "J", "kJ", "MJ", "W", "kW", "MW", "GW", "Hz", "kHz", "MHz",
        "GHz", "N", "kN", "Pa", "kPa", "MPa", "GPa", "V", "kV", "A", "mA", "mol", "mM", "L", "mL",
        "years", "days", "hours", "minutes", "seconds", "percent", "USD", "dollars", "bp", "kb",
        "Mb", "T", "C", "atm", "bar", "cal", "kcal",
    ]

    struct Seed {
        var item: SimulatedItem
        var question: String
        var explanation: String
    }

    static func write(_ task: SeedTask, digest: Digest) -> Seed {
        var random = DeterministicRandom(digest, "seed")
        let unitCounts = counts(task.passages.map(\.text).joined(separator: " "))
        var used: Set<String> = []
        var topics: [String] = []
        for passage in task.passages {
            if let word = topic(of: passage.text, in: unitCounts, avoiding: used) {
                used.insert(word)
                topics.append(word)
            }
        }
        let topicList = list(topics)
        let candidates = task.passages.flatMap { passage in
            self.candidates(in: passage)
        }
        let withUnits = candidates.filter { $0.isNumber && !$0.unit.isEmpty }
        let numbers = candidates.filter(\.isNumber)
        let names = candidates.filter { !$0.isNumber }
        let pool = !withUnits.isEmpty ? withUnits : !numbers.isEmpty ? numbers : names
        let opening =
            topics.isEmpty
            ? "Drawing on the passages" : "Drawing on the passages about \(topicList)"
        let answer: String
        let body: String
        let explanation: String
        if pool.isEmpty {
            answer = Quantity.format(1 + random.unit() * 99)
            body = "\(opening), what single figure do they jointly imply? Give the number."
            explanation = "The passages jointly imply \(answer)."
        } else {
            let chosen = random.pick(pool)
            let context = chosen.context.isEmpty ? "the quantity they discuss" : chosen.context
            if chosen.isNumber {
                answer =
                    chosen.unit.isEmpty || chosen.unit == "%"
                    ? chosen.text + chosen.unit : chosen.text + " " + chosen.unit
                let ask =
                    chosen.unit.isEmpty ? "Give the number." : "Give the number with its unit."
                body = "\(opening), what value is given for \(context)? \(ask)"
            } else {
                answer = chosen.text
                body = "\(opening), which name completes \"\(context) …\"? Give the name."
            }
            let others = task.passages.map(\.id).filter { $0 != chosen.passage }
            explanation =
                "Passage \(chosen.passage) gives \(answer) for \(context)"
                + (others.isEmpty
                    ? "." : "; passages \(list(others)) supply the context on \(topicList).")
        }
        let item = SimulatedItem(
            id: digest.prefix(12), level: 0, discipline: task.discipline, answer: answer)
        return Seed(item: item, question: item.question(body: body), explanation: explanation)
    }

    /// The passage's most telling word: frequent in the passage, then in the whole unit, then
    /// long; adverbs and gerunds are passed over.
    private static func topic(
        of passage: String, in unit: [String: Int], avoiding used: Set<String>
    )
        -> String?
    {
        var best: (score: Int, word: String)?
        for (word, inPassage) in counts(passage)
        where word.count >= 5 && !used.contains(word) && !TextScanning.stopwords.contains(word)
            && !word.hasSuffix("ly") && !word.hasSuffix("ing") && !word.allSatisfy(\.isNumber)
        {
            let score = inPassage * 1000 + unit[word, default: 0] * 50 + word.count
            if best == nil || score > best!.score || (score == best!.score && word < best!.word) {
                best = (score, word)
            }
        }
        return best?.word
    }

    private static func counts(_ text: String) -> [String: Int] {
        TextScanning.words(text).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    private struct Candidate {
        var passage: String
        var text: String
        var unit: String
        var context: String
        var isNumber: Bool
    }

    /// Words that link a quantity to what it measures (`is about`, `of roughly`), dropped from
    /// the end of the phrase before a number.
    private static let linking: Set<String> = [
        "is", "was", "are", "were", "be", "about", "around", "roughly", "approximately", "nearly",
        "some", "of", "at", "to", "by", "reaches", "reached", "equals", "equal", "near", "than",
        "over", "under", "only", "just", "exactly", "the", "a", "an", "as", "totals", "totalled",
        "measured", "measures", "gives", "gave", "yields", "has", "had", "have", "with", "in",
        "for", "on", "from", "up", "down", "which", "that", "and", "or", "it", "estimated",
        "within",
        "below", "above", "into",
    ]

    /// What the words before a number say it measures: at most the last twelve, without linking
    /// words at either end, starting lowercase.
    private static func phrase(before sentence: [String]) -> String {
        var words = Array(sentence.suffix(12))
        while let last = words.last, linking.contains(last.lowercased()) { words.removeLast() }
        while let first = words.first, linking.contains(first.lowercased()) { words.removeFirst() }
        guard var first = words.first else { return "" }
        if first.count > 1, first.dropFirst().allSatisfy(\.isLowercase) {
            first = first.lowercased()
            words[0] = first
        }
        return words.joined(separator: " ")
    }

    /// Numbers (with the unit that follows them) and names, each with the phrase before it in
    /// its sentence.
    private static func candidates(in passage: SeedTask.Passage) -> [Candidate] {
        let punctuation = CharacterSet(charactersIn: ",;:()[]\"'“”‘’")
        let tokens = passage.text.split(whereSeparator: \.isWhitespace).map(String.init)
        var found: [Candidate] = []
        var sentence: [String] = []
        var clause: [String] = []
        for (index, raw) in tokens.enumerated() {
            let endsSentence = raw.hasSuffix(".") || raw.hasSuffix("?") || raw.hasSuffix("!")
            var token = raw.trimmingCharacters(in: punctuation)
            if endsSentence { token = String(token.dropLast()).trimmingCharacters(in: punctuation) }
            let clausePhrase = phrase(before: clause)
            let context =
                clausePhrase.split(separator: " ").count >= 2
                ? clausePhrase : phrase(before: sentence)
            var number = token
            var unit = ""
            if number.hasSuffix("%") {
                number.removeLast()
                unit = "%"
            }
            let plain = number.replacingOccurrences(of: ",", with: "")
            if !plain.isEmpty, Double(plain) != nil, plain.first != "+" {
                if unit.isEmpty, !endsSentence, index + 1 < tokens.count {
                    let next = tokens[index + 1].trimmingCharacters(in: punctuation)
                        .trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    if units.contains(next) { unit = next }
                }
                found.append(
                    Candidate(
                        passage: passage.id, text: number, unit: unit, context: context,
                        isNumber: true))
            } else if !sentence.isEmpty, token.count >= 4, let first = token.unicodeScalars.first,
                CharacterSet.uppercaseLetters.contains(first),
                token.allSatisfy({ $0.isLetter || $0 == "-" }),
                !TextScanning.stopwords.contains(token.lowercased())
            {
                found.append(
                    Candidate(
                        passage: passage.id, text: token, unit: "", context: context,
                        isNumber: false))
            }
            if endsSentence {
                sentence = []
                clause = []
            } else if !token.isEmpty {
                sentence.append(token)
                clause = raw.last.map { ",;:".contains($0) } == true ? [] : clause + [token]
            }
        }
        return found
    }
}
