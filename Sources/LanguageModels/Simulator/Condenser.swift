internal import Foundation

/// Condenses a passage as the `condense` template asks: the same sentences, with Markdown
/// markup and runs of whitespace removed, as one paragraph.
enum Condenser {
    static func condense(_ passage: String) -> String {
        var lines: [String] = []
        for line in passage.split(separator: "\n") {
            var text = line.trimmingCharacters(in: .whitespaces)
            while let first = text.first, "#>*-".contains(first) {
                text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            text = text.replacingOccurrences(of: "**", with: "")
                .replacingOccurrences(of: "__", with: "")
            if !text.isEmpty { lines.append(text) }
        }
        let joined = lines.joined(separator: " ")
        return joined.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
