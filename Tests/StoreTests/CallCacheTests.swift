import Basics
import Store
import Testing

@Suite("call and task caches")
struct CallCacheTests {
    @Test(
        "a recorded call is looked up with everything it was recorded with",
        arguments: StoreKind.allCases)
    func callRoundTrip(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let record = Sample.call(7)
            try await harness.store.record(record)
            let call = try #require(try await harness.store.lookup(call: record.key))
            #expect(call.key == record.key)
            #expect(call.key == Digest(of: record.keyJSON))
            #expect(call.keyJSON == record.keyJSON)
            #expect(call.requestDigest == Digest(of: record.request))
            #expect(call.responseDigest == Digest(of: record.response))
            #expect(call.response == record.response)
            #expect(call.model == "writer")
            #expect(call.endpoint == "sim")
            #expect(call.tokensIn == 17)
            #expect(call.tokensOut == 27)
            #expect(call.latency == .microseconds(1_007))
            #expect(call.created == harness.clock.date)
            // The bodies are the call's own, not loose blobs; verify checks them.
            #expect(try await harness.store.get(call.responseDigest) == nil)
            #expect(try await harness.store.verify().blobs == 2)
            #expect(await harness.store.counters().callHits == 1)
        }
    }

    @Test(
        "the response alone is looked up as lookup finds it: bytes, a miss, or a corrupt miss",
        arguments: StoreKind.allCases)
    func responseOnly(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let record = Sample.call(5)
            try await harness.store.record(record)
            #expect(try await harness.store.response(forCall: record.key) == record.response)
            #expect(try await harness.store.response(forCall: Sample.call(6).key) == nil)
            let response = Digest(of: record.response)
            try await harness.corrupt([response])
            #expect(try await harness.store.response(forCall: record.key) == nil)
            let reference = BlobReference(.call(record.key), .response)
            #expect(harness.faults.all == [.corruptBlob(response, referencedBy: [reference])])
            let counters = await harness.store.counters()
            #expect(counters.callHits == 1 && counters.callMisses == 2)
        }
    }

    @Test("an unknown call key is a miss", arguments: StoreKind.allCases)
    func callMiss(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            try await harness.store.record(Sample.call(1))
            #expect(try await harness.store.lookup(call: Sample.call(2).key) == nil)
            #expect(await harness.store.counters().callMisses == 1)
            #expect(harness.faults.all.isEmpty)
        }
    }

    @Test("recording a key again replaces its entry", arguments: StoreKind.allCases)
    func rerecord(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            try await harness.store.record(Sample.call(1, response: "first"))
            try await harness.store.record(Sample.call(1, response: "second"))
            let call = try #require(try await harness.store.lookup(call: Sample.call(1).key))
            #expect(call.response == Array("second".utf8))
            #expect(try await harness.store.statistics().calls == 1)
        }
    }

    @Test(
        "a corrupt response makes the call a miss and a report; recording it again makes a hit",
        arguments: StoreKind.allCases)
    func corruptResponse(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let record = Sample.call(3)
            try await harness.store.record(record)
            let response = Digest(of: record.response)
            try await harness.corrupt([response])

            #expect(try await harness.store.lookup(call: record.key) == nil)
            let reference = BlobReference(.call(record.key), .response)
            #expect(harness.faults.all == [.corruptBlob(response, referencedBy: [reference])])
            #expect(await harness.store.counters().callMisses == 1)

            try await harness.store.record(record)
            #expect(try await harness.store.lookup(call: record.key)?.response == record.response)
        }
    }

    @Test(
        "a call whose response blob is missing is a miss and a report",
        arguments: StoreKind.allCases)
    func missingResponse(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let record = Sample.call(4)
            try await harness.store.record(record)
            let response = Digest(of: record.response)
            try await harness.remove(response)
            #expect(try await harness.store.lookup(call: record.key) == nil)
            let reference = BlobReference(.call(record.key), .response)
            #expect(harness.faults.all == [.missingBlob(response, referencedBy: [reference])])
        }
    }

    @Test(
        "each call keeps its own request and response bodies, counted as blobs",
        arguments: StoreKind.allCases)
    func callBodies(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            var bytes = 0
            for index in 0..<10 {
                let call = Sample.call(index, response: "yes")
                try await harness.store.record(call)
                bytes += call.request.count + call.response.count
            }
            let statistics = try await harness.store.statistics()
            #expect(statistics.calls == 10)
            #expect(statistics.blobs == 20)
            #expect(statistics.blobBytes == bytes)
        }
    }

    @Test(
        "a recorded task is looked up with its output, node and key JSON",
        arguments: StoreKind.allCases)
    func taskRoundTrip(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let record = Sample.task(5)
            try await harness.store.record(record)
            let task = try #require(try await harness.store.lookup(task: record.key))
            #expect(task.key == Digest(of: record.keyJSON))
            #expect(task.keyJSON == record.keyJSON)
            #expect(task.node == "seed")
            #expect(task.output == record.output)
            #expect(task.outputDigest == Digest(of: record.output))
            #expect(task.created == harness.clock.date)
            #expect(try await harness.store.lookup(task: Sample.task(6).key) == nil)
            let counters = await harness.store.counters()
            #expect(counters.taskHits == 1)
            #expect(counters.taskMisses == 1)
        }
    }

    @Test("a task whose output is corrupt is a miss and a report", arguments: StoreKind.allCases)
    func corruptTaskOutput(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let record = Sample.task(8)
            try await harness.store.record(record)
            let output = Digest(of: record.output)
            try await harness.corrupt([output])
            #expect(try await harness.store.lookup(task: record.key) == nil)
            let reference = BlobReference(.task(record.key), .output)
            #expect(harness.faults.all == [.corruptBlob(output, referencedBy: [reference])])
        }
    }
}
