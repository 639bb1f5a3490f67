/// Markdown front matter: `---` on the first line, `key: value` lines, and a closing `---`.
///
/// Only flat string values are read (quotes around a value are removed); other lines are
/// ignored. Text without front matter is returned whole.
enum FrontMatter {
    static func split(_ text: String) -> (fields: [String: String], body: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first?.trimmingWhitespace() == "---" else { return ([:], text) }
        lines = lines.dropFirst()
        var fields: [String: String] = [:]
        while let line = lines.first {
            lines = lines.dropFirst()
            if line.trimmingWhitespace() == "---" {
                return (fields, lines.joined(separator: "\n"))
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace()
            var value = line[line.index(after: colon)...].trimmingWhitespace()
            if value.count >= 2, let first = value.first, first == "\"" || first == "'",
                value.last == first
            {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { fields[key] = value }
        }
        // No closing line: not front matter after all.
        return ([:], text)
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(self).trimmingWhitespace()
    }
}
