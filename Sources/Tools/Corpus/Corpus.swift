public import Basics

/// The documents agents search and browse, and the chunks they were cut into.
///
/// Its ``digest`` names the content exactly: the canonical digest of the chunks and documents,
/// each sorted by id, so the order they were given in does not matter. Search and browse
/// results are cached under it.
public struct Corpus: Sendable {
    /// The documents, sorted by id.
    public let documents: [CorpusDocument]
    /// The chunks, sorted by id.
    public let chunks: [CorpusChunk]
    /// The digest of the content; changes with any id, discipline or text.
    public let digest: Digest

    private let documentsByID: [String: CorpusDocument]
    private let chunksByID: [String: CorpusChunk]

    /// A corpus of `documents` and the `chunks` cut from them. Ids should be unique; where
    /// they are not, lookups find the first in sorted order.
    public init(documents: [CorpusDocument], chunks: [CorpusChunk]) {
        self.documents = documents.sorted { Self.precedes($0.id, $0.text, $1.id, $1.text) }
        self.chunks = chunks.sorted { Self.precedes($0.id, $0.text, $1.id, $1.text) }
        documentsByID = Dictionary(
            self.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        chunksByID = Dictionary(
            self.chunks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Canonical JSON of strings and arrays cannot fail: it throws only for non-finite
        // numbers, and a corpus holds none.
        digest = try! Digest(
            canonical: Contents(chunks: self.chunks, documents: self.documents))
    }

    /// The document with `id`, if any.
    public func document(_ id: String) -> CorpusDocument? {
        documentsByID[id]
    }

    /// The chunk with `id`, if any.
    public func chunk(_ id: String) -> CorpusChunk? {
        chunksByID[id]
    }

    /// Orders by id, then by text, so that sorting is total even with duplicate ids.
    private static func precedes(
        _ id: String, _ text: String, _ otherID: String, _ other: String
    )
        -> Bool
    {
        id != otherID ? id < otherID : text < other
    }

    /// What the digest hashes.
    private struct Contents: Encodable {
        var kind = "corpus"
        var chunks: [CorpusChunk]
        var documents: [CorpusDocument]
    }
}
