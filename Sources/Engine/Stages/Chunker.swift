public import Tools

/// The deterministic splitter of stage I: a document's text cut into chunks of at most
/// `maxCharacters` characters, on paragraph boundaries where it can.
///
/// Paragraphs (separated by blank lines) are packed greedily into chunks. A paragraph longer
/// than the limit is cut at sentence ends (`. `, `? `, `! `), and a sentence longer than the
/// limit at the last space before it, or hard at the limit. The same text and limit always give
/// the same chunks; whitespace at chunk edges is trimmed and empty chunks are dropped.
public struct Chunker: Sendable, Hashable {
    public var maxCharacters: Int

    public init(maxCharacters: Int) {
        self.maxCharacters = max(1, maxCharacters)
    }

    /// The chunks of `text`, in order.
    public func chunks(of text: String) -> [String] {
        let paragraphs = Self.paragraphs(of: text).flatMap { pieces(of: $0) }
        var chunks: [String] = []
        var current = ""
        for paragraph in paragraphs {
            if current.isEmpty {
                current = paragraph
            } else if current.count + 2 + paragraph.count <= maxCharacters {
                current += "\n\n" + paragraph
            } else {
                chunks.append(current)
                current = paragraph
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// Paragraphs of `text`: runs of lines between blank lines, trimmed, never empty.
    static func paragraphs(of text: String) -> [String] {
        var paragraphs: [String] = []
        var lines: [Substring] = []
        func close() {
            let paragraph = lines.joined(separator: "\n").trimmingWhitespace()
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { close() } else { lines.append(line) }
        }
        close()
        return paragraphs
    }

    /// `paragraph` as it is when it fits, else cut at sentence ends and spaces.
    private func pieces(of paragraph: String) -> [String] {
        guard paragraph.count > maxCharacters else { return [paragraph] }
        var pieces: [String] = []
        var rest = Substring(paragraph)
        while rest.count > maxCharacters {
            let window = rest.prefix(maxCharacters + 1)
            let cut =
                Self.lastSentenceEnd(in: window) ?? window.lastIndex(of: " ")
                ?? rest.index(rest.startIndex, offsetBy: maxCharacters)
            let piece = String(rest[..<cut]).trimmingWhitespace()
            if !piece.isEmpty { pieces.append(piece) }
            rest = rest[cut...].drop(while: \.isWhitespace)
        }
        let last = String(rest).trimmingWhitespace()
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    /// The index just after the last `.`, `?` or `!` that is followed by a space in `window`.
    private static func lastSentenceEnd(in window: Substring) -> Substring.Index? {
        var index = window.endIndex
        while index > window.startIndex {
            let previous = window.index(before: index)
            if index < window.endIndex, window[index] == " ", ".?!".contains(window[previous]) {
                return index
            }
            index = previous
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let characters = Substring(self).drop(while: \.isWhitespace)
        guard let last = characters.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(characters[...last])
    }
}

extension Chunker {
    /// The chunks of every document, in document order. A chunk's id is its document's id and
    /// its 1-based position: `corpus/physics/optics.md#2`, or `corpus/notes.jsonl#7.2` for a
    /// JSONL record (whose id already holds a `#`).
    public func chunks(of documents: [CorpusDocument]) -> [CorpusChunk] {
        documents.flatMap { document in
            let separator = document.id.contains("#") ? "." : "#"
            return chunks(of: document.text).enumerated().map { index, text in
                CorpusChunk(
                    id: "\(document.id)\(separator)\(index + 1)", document: document.id,
                    discipline: document.discipline, text: text)
            }
        }
    }
}
