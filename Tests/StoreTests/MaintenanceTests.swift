import Basics
import Foundation
import Store
import Testing

@Suite("statistics, versions, builds and garbage collection")
struct MaintenanceTests {
    @Test(
        "statistics count entries and bytes and show the build that started last",
        arguments: StoreKind.allCases)
    func statistics(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            let empty = try await store.statistics()
            #expect(empty.blobs == 0)
            #expect(empty.lastBuild == nil)

            try await store.record(Sample.call(1, response: "abc"))
            try await store.record(Sample.task(1, output: "defg"))
            let start = harness.clock.date
            let earlier = BuildRecord(
                id: "b1", started: start, finished: start.addingTimeInterval(60), callsSent: 10,
                callsCached: 0)
            let running = BuildRecord(
                id: "b2", started: start.addingTimeInterval(120), finished: nil, callsSent: 1,
                callsCached: 0)
            let finished = BuildRecord(
                id: "b2", started: running.started, finished: start.addingTimeInterval(180),
                callsSent: 2, callsCached: 6)
            try await store.record(earlier)
            try await store.record(running)
            try await store.record(finished)

            let statistics = try await store.statistics()
            #expect(statistics.calls == 1)
            #expect(statistics.tasks == 1)
            #expect(statistics.blobs == 3)
            #expect(statistics.blobBytes == Sample.call(1).request.count + 3 + 4)
            #expect(statistics.builds == 2)
            #expect(statistics.lastBuild == finished)
            #expect(statistics.lastBuild?.hitRate == 0.75)
            #expect(try await store.lastBuild() == finished)
            #expect((statistics.fileBytes ?? 1) > 0)
        }
    }

    @Test(
        "versions are listed oldest first; recording an id again replaces it",
        arguments: StoreKind.allCases)
    func versions(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let date = harness.clock.date
            let second = VersionRecord(
                id: "b", recipe: Digest(of: "r2"), manifest: Digest(of: "m2"),
                created: date.addingTimeInterval(10), tag: "release")
            let first = VersionRecord(
                id: "a", recipe: Digest(of: "r1"), manifest: Digest(of: "m1"), created: date)
            try await harness.store.record(second)
            try await harness.store.record(first)
            #expect(try await harness.store.versions() == [first, second])
            let retagged = VersionRecord(
                id: "b", recipe: second.recipe, manifest: second.manifest,
                created: second.created, tag: "final")
            try await harness.store.record(retagged)
            #expect(try await harness.store.versions() == [first, retagged])
        }
    }

    @Test(
        "gc removes old entries and blobs only they use; a dry run reports the same, changes nothing",
        arguments: StoreKind.allCases)
    func garbageCollection(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            let old = Sample.call(1, response: "shared response")
            try await store.record(old)
            try await store.record(Sample.task(1, output: "old output"))
            _ = try await store.put(Array("old loose".utf8))
            let manifest = try await store.put(Array("old manifest".utf8))
            try await store.record(
                VersionRecord(
                    id: "v1", recipe: Digest(of: "recipe"), manifest: manifest,
                    created: harness.clock.date))

            harness.clock.advance(days: 40)
            let recent = Sample.call(2, response: "shared response")
            try await store.record(recent)
            try await store.record(Sample.task(2))
            let loose = try await store.put(Array("new loose".utf8))

            let cutoff = harness.clock.date.addingTimeInterval(-30 * 86_400)
            let before = try await store.statistics()
            let dryRun = try await store.collectGarbage(before: cutoff, dryRun: true)
            let after = try await store.statistics()
            let counts: (StoreStatistics) -> [Int] = {
                [$0.blobs, $0.blobBytes, $0.calls, $0.tasks]
            }
            #expect(counts(after) == counts(before))
            #expect(try await store.lookup(call: old.key) != nil)

            // The old call's bodies go with it, though the recent call has the same response:
            // each call keeps its own.
            let expectedBytes =
                old.request.count + old.response.count + "old output".count + "old loose".count
            #expect(dryRun.calls == 1)
            #expect(dryRun.tasks == 1)
            #expect(dryRun.blobs == 4)
            #expect(dryRun.blobBytes == expectedBytes)
            #expect(dryRun.dryRun)

            let real = try await store.collectGarbage(before: cutoff, dryRun: false)
            #expect(real.calls == 1 && real.tasks == 1 && real.blobs == 4)
            #expect(real.blobBytes == expectedBytes)
            #expect(!real.dryRun)

            #expect(try await store.lookup(call: old.key) == nil)
            #expect(try await store.lookup(task: Sample.task(1).key) == nil)
            #expect(try await store.lookup(call: recent.key)?.response == recent.response)
            #expect(try await store.lookup(task: Sample.task(2).key) != nil)
            #expect(try await store.get(manifest) == Array("old manifest".utf8))
            #expect(try await store.get(loose) != nil)
            #expect(try await store.get(Digest(of: "old loose")) == nil)
            #expect(try await store.verify().isClean)

            let again = try await store.collectGarbage(before: cutoff, dryRun: false)
            #expect(again.calls == 0 && again.tasks == 0 && again.blobs == 0)
        }
    }
}
