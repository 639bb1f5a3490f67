/// A whole document of a corpus: what browse opens.
public struct CorpusDocument: Sendable, Hashable, Codable {
    /// The document's id, unique in its corpus: its path relative to the corpus root
    /// (`physics/optics.md`), or the id field of a JSONL record.
    public var id: String
    /// The discipline the document belongs to.
    public var discipline: String
    /// The full text.
    public var text: String

    /// A document with these fields.
    public init(id: String, discipline: String, text: String) {
        self.id = id
        self.discipline = discipline
        self.text = text
    }
}
