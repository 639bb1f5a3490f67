import Basics
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Store

/// The two implementations every behavioural test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, memory

    var testDescription: String { rawValue }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        now = Mutex(start)
    }

    var date: Date { now.withLock { $0 } }

    var function: @Sendable () -> Date { { self.date } }

    func advance(days: Double) {
        now.withLock { $0 = $0.addingTimeInterval(days * 86_400) }
    }
}

/// The faults a store reported while reading.
final class FaultLog: Sendable {
    private let faults = Mutex<[StoreFault]>([])

    var all: [StoreFault] { faults.withLock { $0 } }

    var handler: StoreFaultHandler { { fault in self.faults.withLock { $0.append(fault) } } }
}

/// A fresh store of one kind, with its clock, its fault log and ways to damage it.
struct StoreHarness {
    let kind: StoreKind
    let store: any StoreBackend
    let clock: TestClock
    let faults: FaultLog
    /// The database file, for SQLite stores.
    let path: String?

    /// Runs `body` with a fresh, empty store of `kind`; a SQLite store lives in a temporary
    /// directory removed afterwards.
    static func with<T>(
        _ kind: StoreKind, _ body: (StoreHarness) async throws -> T
    )
        async throws -> T
    {
        try await TemporaryDirectory.with { scratch in
            let directory = scratch.path
            let clock = TestClock()
            let faults = FaultLog()
            let path = directory + "/store.sqlite"
            let store: any StoreBackend =
                switch kind {
                case .sqlite:
                    try SQLiteStore(path: path, clock: clock.function, onFault: faults.handler)
                case .memory:
                    InMemoryStore(clock: clock.function, onFault: faults.handler)
                }
            return try await body(
                StoreHarness(
                    kind: kind, store: store, clock: clock, faults: faults,
                    path: kind == .sqlite ? path : nil))
        }
    }

    /// Flips a bit in each blob, keeping its digest.
    func corrupt(_ digests: [Digest]) async throws {
        switch store {
        case let store as SQLiteStore: try await store.corrupt(digests)
        case let store as InMemoryStore: await store.corrupt(digests)
        default: Issue.record("cannot damage \(type(of: store))")
        }
    }

    /// Removes a blob whatever references it.
    func remove(_ digest: Digest) async throws {
        switch store {
        case let store as SQLiteStore:
            try await store.remove(digest)
        case let store as InMemoryStore: await store.remove(digest)
        default: Issue.record("cannot damage \(type(of: store))")
        }
    }

    /// Replaces a call's stored key JSON.
    func replaceKeyJSON(ofCall key: Digest, with json: String) async throws {
        switch store {
        case let store as SQLiteStore:
            try await store.executeRawSQL(
                "UPDATE calls SET key_json = '\(json)' WHERE key = '\(key.hex)'")
        case let store as InMemoryStore: await store.replaceKeyJSON(ofCall: key, with: json)
        default: Issue.record("cannot damage \(type(of: store))")
        }
    }
}

/// Sample calls and tasks.
enum Sample {
    static func call(
        _ index: Int, response: String? = nil, model: String = "writer"
    )
        -> CallRecord
    {
        CallRecord(
            keyJSON: #"{"model":"\#(model)","prompt":\#(index)}"#,
            request: Array(#"{"messages":[{"role":"user","content":"question \#(index)"}]}"#.utf8),
            response: Array((response ?? "answer \(index)").utf8), model: model,
            endpoint: "sim", tokensIn: 10 + index, tokensOut: 20 + index,
            latency: .microseconds(1_000 + index))
    }

    static func task(_ index: Int, output: String? = nil) -> TaskRecord {
        TaskRecord(
            keyJSON: #"{"input":\#(index),"node":"seed"}"#, node: "seed",
            output: Array((output ?? "output \(index)").utf8))
    }
}
