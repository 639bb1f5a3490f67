import Basics
import Store
import Testing

@Suite("verification")
struct VerificationTests {
    @Test("a store written only through its API verifies clean", arguments: StoreKind.allCases)
    func clean(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            for index in 0..<20 { try await harness.store.record(Sample.call(index)) }
            for index in 0..<5 { try await harness.store.record(Sample.task(index)) }
            let manifest = try await harness.store.put(Array("manifest".utf8))
            try await harness.store.record(
                VersionRecord(
                    id: "v1", recipe: Digest(of: "recipe"), manifest: manifest,
                    created: harness.clock.date))
            let report = try await harness.store.verify()
            #expect(report.faults == [])
            #expect(report.blobs == 46)
            #expect(report.calls == 20)
            #expect(report.tasks == 5)
            #expect(report.versions == 1)
        }
    }

    @Test(
        "flipping a byte in 100 blobs makes each a reported miss, and verify lists all 100",
        arguments: StoreKind.allCases)
    func hundredCorruptBlobs(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let records = (0..<150).map { Sample.call($0) }
            for record in records { try await harness.store.record(record) }
            let damaged = records.prefix(100).map { Digest(of: $0.response) }
            try await harness.corrupt(damaged)

            for record in records {
                let call = try await harness.store.lookup(call: record.key)
                if damaged.contains(Digest(of: record.response)) {
                    #expect(call == nil)
                } else {
                    #expect(call?.response == record.response)
                }
            }
            #expect(harness.faults.all.count == 100)

            let report = try await harness.store.verify()
            let expected = records.prefix(100).map { record in
                StoreFault.corruptBlob(
                    Digest(of: record.response),
                    referencedBy: [BlobReference(.call(record.key), .response)])
            }
            #expect(report.faults.count == 100)
            #expect(Set(report.faults) == Set(expected))
            #expect(report.faults == expected.sorted { $0.description < $1.description })
        }
    }

    @Test(
        "verify reports a missing blob with all its users, and a key its JSON does not hash to",
        arguments: StoreKind.allCases)
    func missingAndMismatched(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let first = Sample.call(1, response: "shared")
            let second = Sample.call(2, response: "shared")
            try await harness.store.record(first)
            try await harness.store.record(second)
            let shared = Digest(of: "shared")
            try await harness.remove(shared)
            try await harness.replaceKeyJSON(ofCall: first.key, with: "{}")

            let faults = try await harness.store.verify().faults
            #expect(faults.count == 2)
            guard case .missingBlob(let digest, let references) = faults.first else {
                Issue.record("expected a missing blob first, got \(faults)")
                return
            }
            #expect(digest == shared)
            #expect(
                Set(references) == [
                    BlobReference(.call(first.key), .response),
                    BlobReference(.call(second.key), .response),
                ])
            #expect(faults.last == .keyMismatch(.call(first.key)))
        }
    }

    @Test("a fault reads as a sentence naming the blob and who uses it")
    func faultDescription() {
        let blob = Digest(of: "blob")
        let call = Digest(of: "call")
        let fault = StoreFault.corruptBlob(
            blob, referencedBy: [BlobReference(.call(call), .response)])
        #expect(
            fault.description
                == "blob \(blob.hex): bytes do not hash to the digest; used by call "
                + "\(call.prefix(16)) (response)")
    }
}
