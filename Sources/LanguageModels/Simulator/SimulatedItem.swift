internal import Basics
internal import Foundation

/// The state of one simulated exam item, recoverable from the text of its question alone.
///
/// The simulator writes every question it generates with a trailing state tag:
///
///     … what value is given for the mean free path? [sim-item 3f9a0c12d4e5 L2 physics | MTE0MyBO]
///
/// - `3f9a0c12d4e5`: the item id, the first 12 hex digits of the digest of the seed request
///   that created it; escalation keeps it, so an item's base difficulty and step sizes (drawn
///   from the id) stay fixed across rounds.
/// - `L2`: the escalation level, 0 for a seed question, one more per refinement round.
/// - `physics`: the discipline, verbatim when it uses only letters, digits, spaces and `_.+-`,
///   else `~` and its base64url form.
/// - `MTE0MyBO`: the reference answer in base64url (no padding), so the peer, the expert and the
///   judge of later requests know what is correct.
///
/// The tag uses no character that Mustache's HTML escaping changes. Questions without a tag (a
/// real model wrote them) get a stand-in state: id from the text's digest, level from its length
/// (one per 400 characters), discipline `general`, and no known answer.
public struct SimulatedItem: Sendable, Hashable {
    /// Twelve lowercase hexadecimal digits.
    public var id: String
    /// Refinement rounds applied so far.
    public var level: Int
    public var discipline: String
    /// The reference answer; nil when the question carries no tag.
    public var answer: String?

    public init(id: String, level: Int, discipline: String, answer: String?) {
        self.id = id
        self.level = level
        self.discipline = discipline
        self.answer = answer
    }

    /// The item a question describes: its tag when it has one, else the stand-in state.
    public init(question: String) {
        if let tagged = Self(tagIn: question) {
            self = tagged
        } else {
            let body = question.trimmingCharacters(in: .whitespacesAndNewlines)
            self.init(
                id: Digest(of: body).prefix(12), level: body.count / 400, discipline: "general",
                answer: nil)
        }
    }

    /// The item of the last state tag in `text`; nil when there is none.
    public init?(tagIn text: String) {
        guard let open = text.range(of: Self.opening, options: .backwards),
            let close = text[open.upperBound...].firstIndex(of: "]")
        else { return nil }
        let inside = text[open.upperBound..<close]
        guard let bar = inside.range(of: " | ") else { return nil }
        let head = inside[..<bar.lowerBound].split(separator: " ", omittingEmptySubsequences: true)
        guard head.count >= 3, head[0].count == 12, head[1].hasPrefix("L"),
            let level = Int(head[1].dropFirst()),
            let answer = Self.unbase64(inside[bar.upperBound...])
        else { return nil }
        let written = head[2...].joined(separator: " ")
        let discipline: String
        if written.hasPrefix("~") {
            guard let decoded = Self.unbase64(written.dropFirst()) else { return nil }
            discipline = decoded
        } else {
            discipline = written
        }
        self.init(id: String(head[0]), level: level, discipline: discipline, answer: answer)
    }

    /// The state tag written after the question.
    public var tag: String {
        let plain =
            !discipline.isEmpty && !discipline.hasPrefix("~")
            && discipline.unicodeScalars.allSatisfy { Self.plainScalars.contains($0) }
            && discipline.trimmingCharacters(in: .whitespaces) == discipline
        let writtenDiscipline = plain ? discipline : "~" + Self.base64(discipline)
        return "\(Self.opening)\(id) L\(level) \(writtenDiscipline) | \(Self.base64(answer ?? ""))]"
    }

    /// `question` without its state tag, trimmed.
    public static func body(of question: String) -> String {
        guard let open = question.range(of: opening, options: .backwards),
            let close = question[open.upperBound...].firstIndex(of: "]")
        else { return question.trimmingCharacters(in: .whitespacesAndNewlines) }
        let before = question[..<open.lowerBound]
        let after = question[question.index(after: close)...]
        return (before + after).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `body` followed by the tag of this state.
    func question(body: String) -> String {
        body + " " + tag
    }

    private static let opening = "[sim-item "

    private static let plainScalars = CharacterSet.alphanumerics.intersection(
        CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128))
    ).union(CharacterSet(charactersIn: " _.+-"))

    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func unbase64(_ text: some StringProtocol) -> String? {
        var standard = text.replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
