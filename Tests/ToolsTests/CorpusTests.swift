import Testing
import Tools

@Suite("corpus")
struct CorpusTests {
    @Test("the digest does not depend on the order documents and chunks are given in")
    func digestIgnoresOrder() {
        let reversed = Corpus(
            documents: SampleCorpus.documents.reversed(), chunks: SampleCorpus.chunks.reversed())
        #expect(reversed.digest == SampleCorpus.corpus.digest)
        #expect(reversed.chunks == SampleCorpus.corpus.chunks)
    }

    @Test(
        "the digest changes with any chunk's id, document, discipline or text",
        arguments: ["id", "document", "discipline", "text"])
    func digestFollowsChunks(field: String) {
        var chunks = SampleCorpus.chunks
        switch field {
        case "id": chunks[1].id += "x"
        case "document": chunks[1].document += "x"
        case "discipline": chunks[1].discipline += "x"
        default: chunks[1].text += "x"
        }
        let edited = Corpus(documents: SampleCorpus.documents, chunks: chunks)
        #expect(edited.digest != SampleCorpus.corpus.digest)
    }

    @Test("the digest changes with a document's text")
    func digestFollowsDocuments() {
        var documents = SampleCorpus.documents
        documents[0].text += " More."
        let edited = Corpus(documents: documents, chunks: SampleCorpus.chunks)
        #expect(edited.digest != SampleCorpus.corpus.digest)
    }

    @Test("documents and chunks are found by id")
    func lookups() {
        let corpus = SampleCorpus.corpus
        #expect(corpus.document("physics/optics.md") == SampleCorpus.optics)
        #expect(corpus.chunk("physics/optics.md#1")?.document == "physics/optics.md")
        #expect(corpus.document("physics/optics.md#1") == nil)
        #expect(corpus.chunk("nowhere") == nil)
    }
}
