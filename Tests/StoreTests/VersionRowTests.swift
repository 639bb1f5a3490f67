import Basics
import Foundation
import Testing

@testable import Store

@Suite("the record index of a version: rows, shared lineages, garbage collection")
struct VersionRowTests {
    /// Row `index` of a version: its body digest and its lineage follow `salt`.
    static func row(_ index: Int, output: String = "sft", salt: String = "") -> VersionRow {
        VersionRow(
            output: output, id: String(format: "item-%04d", index),
            item: String(format: "item-%04d", index), discipline: index % 2 == 0 ? "physics" : nil,
            bucket: index % 3 == 0 ? nil : "zpd", digest: Digest(of: "body \(index)\(salt)"),
            lineage: lineage(index, salt).digest)
    }

    static func lineage(_ index: Int, _ salt: String = "") -> (digest: Digest, text: String) {
        let text = #"{"seed":"\#(Digest(of: "seed \(index)\(salt)").hex)"}"#
        return (Digest(of: text), text)
    }

    static func lineages(_ rows: Range<Int>, salt: String = "") -> [Digest: String] {
        Dictionary(uniqueKeysWithValues: rows.map { lineage($0, salt) })
    }

    static func lineageCount(_ harness: StoreHarness) async throws -> Int {
        switch harness.store {
        case let store as SQLiteStore: try await store.lineageCount()
        case let store as InMemoryStore: await store.lineageCount()
        default: -1
        }
    }

    static func rows(of version: String, in store: any StoreBackend) async throws -> [VersionRow] {
        try await store.foldRows(version: version, into: []) { $0.append($1) }
    }

    @Test(
        "a version's rows come back in the order recorded, with their lineages by digest",
        arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            let rows = (0..<50).map { Self.row($0, output: $0 < 20 ? "cpt" : "sft") }
            try await store.recordRows(rows, lineages: Self.lineages(0..<50), version: "v1")
            #expect(try await Self.rows(of: "v1", in: store) == rows)
            #expect(try await Self.rows(of: "v2", in: store).isEmpty)
            let wanted = Set([rows[3].lineage, rows[7].lineage, Digest(of: "no such lineage")])
            let found = try await store.lineages(wanted)
            #expect(
                found == [
                    rows[3].lineage: Self.lineage(3).text, rows[7].lineage: Self.lineage(7).text,
                ])
            // A version's id names its records: recording it again changes nothing.
            try await store.recordRows(
                Array(rows.prefix(2)), lineages: [:], version: "v1")
            #expect(try await Self.rows(of: "v1", in: store) == rows)
        }
    }

    @Test(
        "a second version sharing most records with the first adds only the lineages it changed",
        arguments: StoreKind.allCases)
    func lineagesAreShared(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            let first = (0..<100).map { Self.row($0) }
            try await store.recordRows(first, lineages: Self.lineages(0..<100), version: "v1")
            #expect(try await Self.lineageCount(harness) == 100)
            var second = first
            second[10] = Self.row(10, salt: "edited")
            second[20] = Self.row(20, salt: "edited")
            var lineages = Self.lineages(0..<100)
            lineages.merge(Self.lineages(10..<11, salt: "edited")) { $1 }
            lineages.merge(Self.lineages(20..<21, salt: "edited")) { $1 }
            try await store.recordRows(second, lineages: lineages, version: "v2")
            #expect(try await Self.lineageCount(harness) == 102)
            #expect(try await Self.rows(of: "v2", in: store) == second)
        }
    }

    @Test(
        "gc drops the rows, lineages and bodies of a dropped version and keeps a kept one's",
        arguments: StoreKind.allCases)
    func garbageCollection(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            let date = harness.clock.date
            var versions: [String: [VersionRow]] = [:]
            for (name, salt) in [("kept", ""), ("dropped", "old")] {
                let rows = (0..<10).map { Self.row($0, salt: salt) }
                for index in 0..<10 { _ = try await store.put(Array("body \(index)\(salt)".utf8)) }
                try await store.recordRows(
                    rows, lineages: Self.lineages(0..<10, salt: salt), version: name)
                try await store.record(
                    VersionRecord(
                        id: name, recipe: Digest(of: "recipe"),
                        manifest: try await store.put(Array("manifest \(name)".utf8)),
                        created: date))
                versions[name] = rows
            }
            // Rows of a version whose record never came (a build stopped in between) go too.
            try await store.recordRows(
                [Self.row(0, salt: "orphan")], lineages: Self.lineages(0..<1, salt: "orphan"),
                version: "orphan")
            harness.clock.advance(days: 1)
            let retention = Retention(
                versions: ["kept"], tasks: [], calls: [], blobs: [], since: harness.clock.date)
            let report = try await store.collectGarbage(retaining: retention, dryRun: false)
            #expect(report.versions == 1)
            #expect(try await Self.rows(of: "kept", in: store) == versions["kept"])
            #expect(try await Self.rows(of: "dropped", in: store).isEmpty)
            #expect(try await Self.rows(of: "orphan", in: store).isEmpty)
            #expect(try await Self.lineageCount(harness) == 10)
            for row in versions["kept"] ?? [] { #expect(try await store.has(row.digest)) }
            for row in versions["dropped"] ?? [] { #expect(try await !store.has(row.digest)) }
        }
    }

    @Test(
        "verify reports a recorded version's missing record body, and rows naming no stored lineage",
        arguments: StoreKind.allCases)
    func verifyRecords(kind: StoreKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = harness.store
            var rows: [VersionRow] = []
            for index in 0..<4 {
                let digest = try await store.put(Array("body \(index)".utf8))
                var row = Self.row(index)
                row.digest = digest
                rows.append(row)
            }
            // Row 3 names a lineage the store never got.
            try await store.recordRows(rows, lineages: Self.lineages(0..<3), version: "v1")
            let manifest = try await store.put(Array("manifest".utf8))
            try await store.record(
                VersionRecord(
                    id: "v1", recipe: Digest(of: "recipe"), manifest: manifest,
                    created: harness.clock.date))
            try await harness.remove(rows[1].digest)
            let report = try await store.verify()
            #expect(
                report.faults == [
                    .missingBlob(
                        rows[1].digest, referencedBy: [BlobReference(.version("v1"), .record)]),
                    .database("version 'v1': 1 record(s) name a lineage not stored"),
                ])
        }
    }
}
