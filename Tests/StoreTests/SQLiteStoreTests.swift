import Basics
import Foundation
import TestSupport
import Testing

@testable import Store

@Suite("the SQLite store: durability, group commit, sharing a file")
struct SQLiteStoreTests {
    @Test("a record is visible to a freshly opened store as soon as record returns")
    func commitBeforeReturn() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/store.sqlite"
            let writer = try SQLiteStore(path: path)
            try await withThrowingTaskGroup { group in
                for index in 0..<200 {
                    group.addTask {
                        let record = Sample.call(index)
                        try await writer.record(record)
                        let reader = try SQLiteStore(path: path, mode: .existing)
                        let call = try await reader.lookup(call: record.key)
                        #expect(call?.response == record.response, "call \(index)")
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("1,000 concurrent records are all stored, in far fewer transactions")
    func groupCommit() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let store = try SQLiteStore(path: directory + "/store.sqlite")
            let records = (0..<1_000).map { Sample.call($0) }
            try await withThrowingTaskGroup { group in
                for record in records {
                    group.addTask { try await store.record(record) }
                }
                try await group.waitForAll()
            }
            let reopened = try SQLiteStore(path: store.path, mode: .existing)
            for record in records {
                #expect(try await reopened.lookup(call: record.key)?.response == record.response)
            }
            let counters = await store.counters()
            #expect(counters.writes == 1_000)
            #expect(counters.transactions <= 200, "\(counters.transactions) transactions")
        }
    }

    @Test("two stores on one file, each making 1,000 overlapping records: no error, all present")
    func twoInstances() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/store.sqlite"
            let first = try SQLiteStore(path: path)
            let second = try SQLiteStore(path: path)
            try await withThrowingTaskGroup { group in
                for index in 0..<1_000 {
                    group.addTask { try await first.record(Sample.call(index)) }
                    group.addTask { try await second.record(Sample.call(index + 500)) }
                }
                try await group.waitForAll()
            }
            let statistics = try await first.statistics()
            #expect(statistics.calls == 1_500)
            #expect(try await second.verify().faults == [])
            for index in [0, 499, 500, 999, 1_000, 1_499] {
                #expect(try await first.lookup(call: Sample.call(index).key) != nil)
                #expect(try await second.lookup(call: Sample.call(index).key) != nil)
            }
        }
    }

    @Test(
        "another process writing the same file at the same time: no error, both see everything",
        .enabled(if: Python.path != nil, "needs python3 on PATH"))
    func anotherProcess() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/store.sqlite"
            let store = try SQLiteStore(path: path)
            let python = try Python.start(Python.writeBlobs, arguments: [path, "1000"])
            var recorded = 0
            // The script starts writing once it sees a call; keep writing until it is done.
            while recorded < 1_000 || python.process.isRunning, recorded < 100_000 {
                let batch = recorded
                try await withThrowingTaskGroup { group in
                    for index in batch..<batch + 50 {
                        group.addTask { try await store.record(Sample.call(index)) }
                    }
                    try await group.waitForAll()
                }
                recorded += 50
            }
            let result = await python.result()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try await store.statistics().calls == recorded)
            for index in 0..<1_000 {
                let bytes = Array("python blob \(index)".utf8)
                #expect(try await store.get(Digest(of: bytes)) == bytes)
            }
            #expect(try await store.verify().faults == [])
        }
    }

    @Test("opening a store that does not exist, when asked not to create one, is an error")
    func missingStore() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/none/store.sqlite"
            #expect(throws: StoreError("no store at '\(path)'")) {
                try SQLiteStore(path: path, mode: .existing)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("opening a file that is not a store, when asked not to create one, is an error")
    func notAStore() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let text = directory + "/notes.txt"
            #expect(FileManager.default.createFile(atPath: text, contents: Data("notes".utf8)))
            #expect(throws: StoreError("'\(text)' is not a frontier store")) {
                try SQLiteStore(path: text, mode: .existing)
            }
            #expect(try String(contentsOfFile: text, encoding: .utf8) == "notes")

            let empty = directory + "/empty.sqlite"
            #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
            #expect(throws: StoreError("'\(empty)' is not a frontier store")) {
                try SQLiteStore(path: empty, mode: .existing)
            }
            let store = directory + "/store.sqlite"
            try await SQLiteStore(path: store).record(Sample.call(1))
            #expect(try await SQLiteStore(path: store, mode: .existing).statistics().calls == 1)
        }
    }

    @Test("a store written by a newer frontier is refused with a sentence saying so")
    func newerSchema() async throws {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let path = directory + "/store.sqlite"
            try await SQLiteStore(path: path).executeRawSQL("PRAGMA user_version = 99")
            #expect {
                try SQLiteStore(path: path)
            } throws: { error in
                "\(error)".contains("schema version 99, newer than this frontier understands")
            }
        }
    }

    @Test("a store from before call bodies moved into their rows opens with its calls intact")
    func bodiesMigrate() async throws {
        try await TemporaryDirectory.with { scratch in
            let path = scratch.path + "/store.sqlite"
            let record = Sample.call(3)
            do {
                // Made as the first schema kept it: the call's bodies as blobs.
                let store = try SQLiteStore(path: path)
                try await store.record(record)
                _ = try await store.put(record.request)
                _ = try await store.put(record.response)
                try await store.executeRawSQL(
                    """
                    ALTER TABLE calls DROP COLUMN request_body;
                    ALTER TABLE calls DROP COLUMN response_body;
                    DROP TABLE lineages;
                    DROP TABLE version_records;
                    PRAGMA user_version = 1;
                    """)
            }
            let store = try SQLiteStore(path: path, mode: .existing)
            #expect(try await store.lookup(call: record.key)?.response == record.response)
            let report = try await store.verify()
            #expect(report.isClean)
            #expect(report.blobs == 4)  // both bodies in the row, and the old blobs
            // GC keeping the call sweeps the blobs its bodies were.
            let retention = Retention(
                versions: [], tasks: [], calls: [record.key], blobs: [], since: .distantFuture)
            let gone = try await store.collectGarbage(retaining: retention, dryRun: false)
            #expect(gone.calls == 0 && gone.blobs == 2)
            #expect(try await store.get(Digest(of: record.response)) == nil)
            #expect(try await store.lookup(call: record.key)?.response == record.response)
        }
    }
}
