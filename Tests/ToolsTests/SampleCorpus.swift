import Tools

/// A small corpus of three disciplines for search and browse tests.
enum SampleCorpus {
    static let optics = CorpusDocument(
        id: "physics/optics.md", discipline: "physics",
        text: """
            A thin lens bends light by refraction. The focal length of a converging lens is the \
            distance at which parallel rays meet. The lens equation relates object distance, \
            image distance and focal length.
            """)

    static let thermodynamics = CorpusDocument(
        id: "physics/thermodynamics.md", discipline: "physics",
        text: """
            Entropy never decreases in an isolated system. Heat flows from hot to cold bodies, \
            and a heat engine converts part of that heat into work.
            """)

    static let photosynthesis = CorpusDocument(
        id: "biology/photosynthesis.md", discipline: "biology",
        text: """
            Chlorophyll absorbs light, and photosynthesis stores its energy in sugar. The eye \
            has a lens too, but this document is about plants.
            """)

    static let documents = [optics, thermodynamics, photosynthesis]

    /// Each document cut into two chunks at its first sentence.
    static let chunks: [CorpusChunk] = documents.flatMap { document in
        let end = document.text.firstIndex(of: ".").map { document.text.index(after: $0) }!
        let parts = [document.text[..<end], document.text[end...]]
        return parts.enumerated().map { index, part in
            CorpusChunk(
                id: "\(document.id)#\(index)", document: document.id,
                discipline: document.discipline, text: String(part))
        }
    }

    static let corpus = Corpus(documents: documents, chunks: chunks)
}
