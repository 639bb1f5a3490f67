import Basics
import LanguageModels
import Testing

@Suite("Embeddings and usage")
struct EmbeddingAndUsageTests {
    let simulator = Simulator()

    private func cosine(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    @Test(
        "embeddings are deterministic unit vectors, and similar texts lie closer than unrelated ones"
    )
    func embeddings() async throws {
        let texts = [
            "The mean free path of nitrogen molecules at standard conditions is about 68 nm.",
            "At standard conditions nitrogen molecules have a mean free path of about 68 nm.",
            "Keynesian multipliers describe how government spending changes aggregate demand.",
            "",
        ]
        let response = try await simulator.embed(
            EmbeddingsRequest(model: "sim-embed", input: texts))
        let again = simulator.embeddings(for: EmbeddingsRequest(model: "sim-embed", input: texts))
        #expect(response == again)
        let vectors = response.data.map(\.embedding)
        #expect(response.data.map(\.index) == [0, 1, 2, 3])
        for vector in vectors {
            #expect(vector.count == 256)
            #expect(abs(cosine(vector, vector) - 1) < 1e-5)
        }
        #expect(cosine(vectors[0], vectors[1]) > 0.6)
        #expect(abs(cosine(vectors[0], vectors[2])) < 0.3)
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.4)
        let short = simulator.embeddings(
            for: EmbeddingsRequest(model: "sim-embed", input: ["a b"], dimensions: 32))
        #expect(short.data.first?.embedding.count == 32)
    }

    @Test("usage is estimated from text length and adds up")
    func usage() throws {
        let prompt = String(repeating: "word ", count: 200)
        let completion = try simulator.respond(
            to: ChatRequest(
                model: "sim-peer", messages: [.user(SimulatorHarness.answerPrompt(prompt))]))
        let usage = try #require(completion.usage)
        #expect((250...400).contains(usage.promptTokens))
        let content = completion.message?.content ?? ""
        #expect(usage.completionTokens == (content.utf8.count + 3) / 4)
        #expect(usage.totalTokens == usage.promptTokens + usage.completionTokens)
    }

    @Test("max_tokens cuts the content with finish_reason length, and stop sequences end it")
    func limits() throws {
        let question = "What is the speed of sound?"
        let cut = try simulator.respond(
            to: ChatRequest(
                model: "sim-peer", messages: [.user(SimulatorHarness.answerPrompt(question))],
                maxTokens: 5))
        #expect(cut.choices.first?.finishReason == .length)
        #expect((cut.message?.content ?? "").count <= 20)
        let stopped = try simulator.respond(
            to: ChatRequest(
                model: "sim-peer", messages: [.user(SimulatorHarness.answerPrompt(question))],
                stop: ["Answer:"]))
        #expect(stopped.choices.first?.finishReason == .stop)
        let stoppedText = stopped.message?.content ?? ""
        #expect(!stoppedText.contains("Answer:"))
    }
}
