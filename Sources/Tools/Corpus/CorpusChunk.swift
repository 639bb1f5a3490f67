/// A passage of a corpus document: what search finds and ranks.
public struct CorpusChunk: Sendable, Hashable, Codable {
    /// The chunk's id, unique in its corpus: its document's id, `#`, its index
    /// (`physics/optics.md#2`).
    public var id: String
    /// The id of the document the chunk was cut from.
    public var document: String
    /// The discipline of the chunk's document.
    public var discipline: String
    /// The passage's text.
    public var text: String

    /// A chunk with these fields.
    public init(id: String, document: String, discipline: String, text: String) {
        self.id = id
        self.document = document
        self.discipline = discipline
        self.text = text
    }
}
