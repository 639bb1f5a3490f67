/// Renders diagnostics as a compiler does: `path:line:col: error: message [id]`, the source line
/// with a caret under the span, then the notes.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceFiles

    public init(sources: SourceFiles) {
        self.sources = sources
    }

    /// All diagnostics, separated by blank lines, ending with one newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined(separator: "\n")
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        let head = "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]"
        lines.append(prefix(diagnostic.range) + head)
        lines.append(contentsOf: excerpt(diagnostic.range))
        for note in diagnostic.notes {
            lines.append(prefix(note.range) + "note: " + note.message)
            lines.append(contentsOf: excerpt(note.range))
        }
        return lines.joined(separator: "\n")
    }

    private func prefix(_ range: SourceRange?) -> String {
        guard let range else { return "" }
        return "\(range.start): "
    }

    /// The quoted line and the caret line, or nothing when the source is not at hand.
    private func excerpt(_ range: SourceRange?) -> [String] {
        guard let range, let file = sources[range.file], let text = file.line(range.start.line)
        else { return [] }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count + 1)
        let scalars = Array(text.unicodeScalars)
        let startColumn = max(1, min(range.start.column, scalars.count + 1))
        let endColumn =
            range.end.line == range.start.line ? range.end.column : scalars.count + 1
        let width = max(1, min(endColumn, scalars.count + 1) - startColumn)
        // Keep tabs under tabs so the caret lines up however the terminal expands them.
        let padding = scalars.prefix(startColumn - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        let caret = "^" + String(repeating: "~", count: width - 1)
        return [
            " \(number) | \(text)",
            "\(gutter) | \(padding)\(caret)",
        ]
    }
}
