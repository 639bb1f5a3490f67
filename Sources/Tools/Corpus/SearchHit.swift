/// One chunk a corpus search found, with its BM25 score.
public struct SearchHit: Sendable, Hashable {
    /// The chunk's id.
    public var id: String
    /// The id of the chunk's document.
    public var document: String
    /// The chunk's discipline.
    public var discipline: String
    /// The BM25 score: higher is a better match.
    public var score: Double
    /// A few words around the matches, with matched terms in `**`.
    public var snippet: String

    /// A hit with these fields.
    public init(id: String, document: String, discipline: String, score: Double, snippet: String) {
        self.id = id
        self.document = document
        self.discipline = discipline
        self.score = score
        self.snippet = snippet
    }
}
