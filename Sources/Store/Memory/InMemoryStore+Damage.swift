internal import Basics

/// Deliberate damage, as a failing disk or a careless hand would do it: for tests.
extension InMemoryStore {
    /// Flips the lowest bit of the first byte of each blob, keeping its digest.
    func corrupt(_ digests: [Digest]) {
        for digest in digests {
            guard var blob = blobs[digest] else { continue }
            if blob.bytes.isEmpty { blob.bytes = [0] } else { blob.bytes[0] ^= 0x01 }
            blobs[digest] = blob
        }
    }

    /// Removes a blob whatever references it.
    func remove(_ digest: Digest) {
        blobs[digest] = nil
    }

    /// Replaces the stored key JSON of a call, keeping its key.
    func replaceKeyJSON(ofCall key: Digest, with json: String) {
        guard let call = calls[key] else { return }
        let record = call.record
        calls[key] = CallEntry(
            record: CallRecord(
                unchecked: key, keyJSON: json, request: record.request, response: record.response,
                model: record.model, endpoint: record.endpoint, tokensIn: record.tokensIn,
                tokensOut: record.tokensOut, latency: record.latency),
            request: call.request, response: call.response, created: call.created)
    }
}

extension InMemoryStore {
    /// How many lineages the store keeps: for tests of their sharing.
    func lineageCount() -> Int {
        lineageTexts.count
    }
}
