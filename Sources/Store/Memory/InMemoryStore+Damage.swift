internal import Basics

/// Deliberate damage, as a failing disk or a careless hand would do it: for tests.
extension InMemoryStore {
    /// Flips the lowest bit of the first byte of each blob, keeping its digest: as a blob and
    /// as the body of every call whose request or response it is.
    func corrupt(_ digests: [Digest]) {
        func flipped(_ bytes: [UInt8]) -> [UInt8] {
            bytes.isEmpty ? [0] : [bytes[0] ^ 0x01] + bytes.dropFirst()
        }
        for digest in digests {
            if let bytes = blobs[digest]?.bytes { blobs[digest]?.bytes = flipped(bytes) }
            for (key, call) in calls {
                if call.request == digest, let body = call.requestBody {
                    calls[key]?.requestBody = flipped(body)
                }
                if call.response == digest, let body = call.responseBody {
                    calls[key]?.responseBody = flipped(body)
                }
            }
        }
    }

    /// Removes a blob whatever references it: as a blob and as the body of every call whose
    /// request or response it is.
    func remove(_ digest: Digest) {
        blobs[digest] = nil
        for (key, call) in calls {
            if call.request == digest { calls[key]?.requestBody = nil }
            if call.response == digest { calls[key]?.responseBody = nil }
        }
    }

    /// Replaces the stored key JSON of a call, keeping its key.
    func replaceKeyJSON(ofCall key: Digest, with json: String) {
        guard let record = calls[key]?.record else { return }
        calls[key]?.record = CallRecord(
            unchecked: key, keyJSON: json, request: record.request, response: record.response,
            model: record.model, endpoint: record.endpoint, tokensIn: record.tokensIn,
            tokensOut: record.tokensOut, latency: record.latency)
    }
}

extension InMemoryStore {
    /// How many lineages the store keeps: for tests of their sharing.
    func lineageCount() -> Int {
        lineageTexts.count
    }
}
