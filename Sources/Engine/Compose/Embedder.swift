import Basics
import Foundation
import LanguageModels
import Store

/// Embeddings of texts from a model, each vector cached in the store under a key over the
/// model identity and the text, so a rebuild (or another stage embedding the same text) asks
/// for nothing again. Misses are requested in batches.
struct Embedder: Sendable {
    let model: any EmbeddingModel
    let identity: ModelIdentity
    /// The model name sent in requests.
    let name: String
    let store: any TaskCache
    var batchSize = 64

    /// One vector per text, in order; `onCall` is told of each request (`cached` false) and
    /// each cached vector (`cached` true).
    func vectors(
        _ texts: [String], onCall: (_ cached: Bool) -> Void = { _ in }
    ) async throws -> [[Float]] {
        var result = [[Float]?](repeating: nil, count: texts.count)
        var keys: [Int: (json: String, digest: Digest)] = [:]
        var missing: [Int] = []
        for (index, text) in texts.enumerated() {
            let document: JSONValue = [
                "kind": "embedding", "version": 1,
                "model": [
                    "model": .string(identity.model),
                    "revision": identity.revision.map { .string($0) } ?? .null,
                    "endpoint": identity.endpoint,
                ],
                "input": .string(text),
            ]
            let json = try document.canonicalString()
            let key = (json: json, digest: Digest(of: json))
            keys[index] = key
            if let cached = try await store.lookup(task: key.digest),
                let vector = try? JSONDecoder().decode([Float].self, from: Data(cached.output))
            {
                result[index] = vector
                onCall(true)
            } else {
                missing.append(index)
            }
        }
        for start in stride(from: 0, to: missing.count, by: batchSize) {
            let batch = Array(missing[start..<min(start + batchSize, missing.count)])
            let response = try await model.embed(
                EmbeddingsRequest(model: name, input: batch.map { texts[$0] }))
            onCall(false)
            guard response.data.count == batch.count else {
                throw BuildError(
                    "the embeddings model '\(name)' returned \(response.data.count) vectors "
                        + "for \(batch.count) inputs")
            }
            for embedding in response.data {
                guard batch.indices.contains(embedding.index) else { continue }
                let index = batch[embedding.index]
                result[index] = embedding.embedding
                let output = try JSONValue.array(
                    embedding.embedding.map { .number(Double($0)) }
                ).canonicalBytes()
                try await store.record(
                    TaskRecord(keyJSON: keys[index]!.json, node: "embedding", output: output))
            }
        }
        return try result.enumerated().map { index, vector in
            guard let vector else {
                throw BuildError(
                    "the embeddings model '\(name)' returned no vector for input \(index)")
            }
            return vector
        }
    }
}
