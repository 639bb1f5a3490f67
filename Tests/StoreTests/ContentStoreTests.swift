import Basics
import Store
import Testing

@Suite("content-addressed blobs")
struct ContentStoreTests {
    @Test(
        "a blob reads back as the bytes stored, under their SHA-256", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            for bytes in [[], Array("hello".utf8), (0..<100_000).map { UInt8($0 % 251) }] {
                let digest = try await store.put(bytes)
                #expect(digest == Digest(of: bytes))
                #expect(try await store.has(digest))
                #expect(try await store.get(digest) == bytes)
            }
            #expect(harness.faults.all.isEmpty)
        }
    }

    @Test("storing the same bytes twice stores them once", arguments: StoreKind.allCases)
    func deduplication(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let first = try await harness.store.put(Array("same".utf8))
            let second = try await harness.store.put(Array("same".utf8))
            #expect(first == second)
            let statistics = try await harness.store.statistics()
            #expect(statistics.blobs == 1)
            #expect(statistics.blobBytes == 4)
        }
    }

    @Test("a digest never stored is a miss without a report", arguments: StoreKind.allCases)
    func absent(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let digest = Digest(of: "never stored")
            let bytes = try await harness.store.get(digest)
            let has = try await harness.store.has(digest)
            #expect(bytes == nil)
            #expect(!has)
            #expect(harness.faults.all.isEmpty)
        }
    }

    @Test(
        "a corrupted blob is a miss and a report, never wrong bytes; storing it again repairs it",
        arguments: StoreKind.allCases)
    func corruptionOnRead(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            let bytes = Array("the right answer".utf8)
            let digest = try await store.put(bytes)
            try await harness.corrupt([digest])

            #expect(try await store.get(digest) == nil)
            #expect(harness.faults.all == [.corruptBlob(digest, referencedBy: [])])
            #expect(await store.counters().corruptReads == 1)

            #expect(try await store.put(bytes) == digest)
            #expect(try await store.get(digest) == bytes)
            #expect(harness.faults.all.count == 1)
            #expect(try await store.verify().isClean)
        }
    }
}
