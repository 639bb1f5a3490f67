import Basics
import DatasetDiff
import Engine
import Foundation
import Store
import TestSupport
import Testing

@Suite("version record indexes: rows in the store, and the older whole-blob indexes read back")
struct VersionIndexTests {
    enum Kind: String, CaseIterable, Sendable { case sqlite, memory }

    static func withStore<T>(
        _ kind: Kind, _ body: (any StoreBackend) async throws -> T
    ) async throws -> T {
        try await TemporaryDirectory.with { directory in
            let store: any StoreBackend =
                switch kind {
                case .sqlite: try SQLiteStore(path: directory.path + "/store.sqlite")
                case .memory: InMemoryStore()
                }
            return try await body(store)
        }
    }

    static func body(_ index: Int, _ salt: String) -> String {
        #"{"id":"item-\#(index)","text":"answer \#(index)\#(salt)"}"#
    }

    /// Twelve records over sft and cpt; the `changed` ones have new bodies and a new
    /// escalate task. Their bodies are put in `store`.
    static func entries(
        changed: Set<Int> = [], in store: any StoreBackend
    ) async throws -> [VersionRecordEntry] {
        var entries: [VersionRecordEntry] = []
        for index in 0..<12 {
            let salt = changed.contains(index) ? " (new)" : ""
            let output = index < 8 ? "sft" : "cpt"
            let item = "item-\(index)"
            entries.append(
                VersionRecordEntry(
                    output: output, id: output == "cpt" ? item + "/r1" : item, item: item,
                    discipline: index % 2 == 0 ? "physics" : "biology",
                    bucket: output == "sft" ? "zpd" : "too-easy",
                    digest: try await store.put(Array(body(index, salt).utf8)),
                    lineage: [
                        "seed": Digest(of: "seed \(index)"),
                        "escalate": Digest(of: "escalate \(index)\(salt)"),
                    ]))
        }
        return entries.sorted { ($0.output, $0.id) < ($1.output, $1.id) }
    }

    /// A manifest whose escalate prompt is `prompt`, with the outputs `entries` make.
    static func manifest(
        _ entries: [VersionRecordEntry], prompt: String, in store: any StoreBackend
    ) async throws -> BuildManifest {
        var outputs: [OutputManifest] = []
        for name in ["cpt", "sft"] {
            var bytes: [UInt8] = []
            let records = entries.filter { $0.output == name }.sorted { $0.id < $1.id }
            for entry in records {
                bytes += try #require(try await store.get(entry.digest)) + [UInt8(ascii: "\n")]
            }
            outputs.append(
                OutputManifest(
                    name: name, path: "out/test/\(name).jsonl", digest: Digest(of: bytes),
                    records: records.count))
        }
        return BuildManifest(
            recipe: Digest(of: prompt), recipeName: "test", recipeText: "",
            nodes: [
                "escalate": BuildManifest.Node(
                    key: Digest(of: prompt),
                    local: .object([
                        "kind": .string("escalate"),
                        "prompts": .object(["escalate": .string(prompt)]),
                    ]), inputs: [])
            ], tasks: [], outputs: outputs, buckets: [:])
    }

    /// Records a version as builds did before record indexes were rows: the index is one
    /// JSON blob the manifest names.
    static func recordWholeBlob(
        _ entries: [VersionRecordEntry], manifest: BuildManifest, in store: any StoreBackend,
        created: Date
    ) async throws -> VersionRecord {
        var manifest = manifest
        manifest.records = try await store.put(try JSONValue.canonical(entries))
        let digest = try await store.put(try JSONValue.canonical(manifest))
        let record = VersionRecord(
            id: digest.prefix(16), recipe: manifest.recipe, manifest: digest, created: created)
        try await store.record(record)
        return record
    }

    @Test(
        "a version recorded as rows reads back the records it was recorded with, lineages too",
        arguments: Kind.allCases)
    func rowsRoundTrip(kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let entries = try await Self.entries(in: store)
            let manifest = try await Self.manifest(entries, prompt: "a", in: store)
            let record = try await VersionCatalog.record(entries, manifest: manifest, in: store)
            let catalog = try await VersionCatalog(store: store)
            let version = try catalog.resolve(record.id)
            #expect(version.manifest.records == nil)
            #expect(version.manifest.index != nil)
            #expect(try await catalog.entries(of: version) == entries)
        }
    }

    @Test(
        "a version recorded with the older whole-blob index diffs and exports as the same version recorded as rows",
        arguments: Kind.allCases)
    func wholeBlobIndexStillReads(kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let start = Date(timeIntervalSince1970: 1_767_225_600)
            let entries = try await Self.entries(in: store)
            let manifest = try await Self.manifest(entries, prompt: "a", in: store)
            let blob = try await Self.recordWholeBlob(
                entries, manifest: manifest, in: store, created: start)
            let rows = try await VersionCatalog.record(
                entries, manifest: manifest, in: store, created: start.addingTimeInterval(1))
            let changed = try await Self.entries(changed: [1, 9], in: store)
            let newer = try await VersionCatalog.record(
                changed, manifest: try await Self.manifest(changed, prompt: "b", in: store),
                in: store, created: start.addingTimeInterval(2))
            let catalog = try await VersionCatalog(store: store)
            let (old, copy, new) = (
                try catalog.resolve(blob.id), try catalog.resolve(rows.id),
                try catalog.resolve(newer.id)
            )
            #expect(old.manifest.records != nil)
            #expect(try await catalog.entries(of: old) == catalog.entries(of: copy))
            for records in [false, true] {
                let fromBlob = try await catalog.diff(
                    from: old, to: new, output: nil, records: records)
                let fromRows = try await catalog.diff(
                    from: copy, to: new, output: nil, records: records)
                #expect(fromBlob.text(records: records) == fromRows.text(records: records))
                #expect(try fromBlob.json(records: records) == fromRows.json(records: records))
                #expect(fromBlob.result.changed.count == 2)
                #expect(fromBlob.groups.map(\.cause) == ["escalation.prompt"])
            }
            try await TemporaryDirectory.with { directory in
                let one = try await catalog.export(old, to: directory.path + "/blob")
                let two = try await catalog.export(copy, to: directory.path + "/rows")
                #expect(one.count == 2)
                for (a, b) in zip(one, two) {
                    #expect(
                        FileManager.default.contents(atPath: a)
                            == FileManager.default.contents(atPath: b))
                }
            }
        }
    }
}
