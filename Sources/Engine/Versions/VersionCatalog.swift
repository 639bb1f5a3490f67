public import Basics
import Foundation
public import Store

/// A recorded version with its manifest.
public struct Version: Sendable {
    public var record: VersionRecord
    public var manifest: BuildManifest

    public var id: String { record.id }
}

/// The versions of a store, newest first, and what can be done with them: resolve a reference
/// (`HEAD`, `HEAD~2`, a tag, an id prefix), read a version's records, export its files, and
/// work out what garbage collection must keep.
public struct VersionCatalog: Sendable {
    public let store: any StoreBackend
    /// Newest first.
    public let versions: [Version]

    public init(store: any StoreBackend) async throws {
        self.store = store
        var versions: [Version] = []
        for record in try await store.versions().sorted(by: {
            ($0.created, $0.id) > ($1.created, $1.id)
        }) {
            guard let bytes = try await store.get(record.manifest),
                let manifest = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes))
            else { continue }
            versions.append(Version(record: record, manifest: manifest))
        }
        self.versions = versions
    }

    /// The version `reference` names: `HEAD` (the newest), `HEAD~N` (N before it), a tag, or a
    /// unique prefix of an id.
    public func resolve(_ reference: String) throws -> Version {
        guard !versions.isEmpty else {
            throw BuildError("the store has no versions yet: build a recipe first")
        }
        if reference == "HEAD" { return versions[0] }
        if reference.hasPrefix("HEAD~") {
            guard let back = Int(reference.dropFirst(5)), back >= 0 else {
                throw BuildError("'\(reference)' is not HEAD~N with N a number")
            }
            guard back < versions.count else {
                throw BuildError(
                    "'\(reference)' goes back further than the oldest version: the store has "
                        + "\(versions.count) version\(versions.count == 1 ? "" : "s")")
            }
            return versions[back]
        }
        if let tagged = versions.first(where: { $0.record.tag == reference }) { return tagged }
        let matches = versions.filter { $0.id.hasPrefix(reference.lowercased()) }
        guard !reference.isEmpty, let first = matches.first else {
            let tags = versions.compactMap(\.record.tag)
            throw BuildError(
                "no version '\(reference)': use HEAD, HEAD~N, an id prefix"
                    + (tags.isEmpty ? "" : " or a tag (\(tags.joined(separator: ", ")))"))
        }
        guard matches.count == 1 else {
            throw BuildError(
                "'\(reference)' is ambiguous: "
                    + matches.map(\.id).joined(separator: ", "))
        }
        return first
    }

    /// The body of one record.
    public func body(of entry: VersionRecordEntry) async throws -> JSONValue? {
        try await body(of: entry.digest)
    }

    /// The body of the record whose digest is `digest`.
    public func body(of digest: Digest) async throws -> JSONValue? {
        guard let bytes = try await store.get(digest) else { return nil }
        return JSONValue.parse(bytes)
    }

    /// Writes `version`'s output files into `directory` (each under its file name), byte for
    /// byte as the build wrote them; checks each against the SHA-256 the version recorded.
    /// Returns the paths written.
    public func export(_ version: Version, to directory: String) async throws -> [String] {
        let rows = try await rows(of: version)
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for output in version.manifest.outputs {
            let bytes = try await VersionIndex.file(output.name, rows: rows, from: store)
            guard Digest(of: bytes) == output.digest else {
                throw BuildError(
                    "the records of \(output.name) in version \(version.id) do not add up to the "
                        + "file the build wrote (SHA-256 differs)")
            }
            let path = URL(fileURLWithPath: directory)
                .appendingPathComponent(URL(fileURLWithPath: output.path).lastPathComponent).path
            try OutputFile.write(bytes, to: path)
            written.append(path)
        }
        return written
    }

    /// What garbage collection keeps: tagged versions and the newest `keep`, each with its
    /// manifest, record index, record bodies and tasks, the calls those tasks' outputs name, and
    /// everything recorded since the newest version (work not yet part of any version). The
    /// store keeps the rows, lineages and record bodies of the versions it keeps; only a
    /// version recorded with the older whole-blob index has its index and bodies named here.
    public func retention(keep: Int) async throws -> (Retention, kept: [Version]) {
        let kept = versions.enumerated().filter { $0.offset < keep || $0.element.record.tag != nil }
            .map(\.element)
        var tasks = Set<Digest>()
        var blobs = Set<Digest>()
        var calls = Set<Digest>()
        for version in kept {
            blobs.insert(version.record.manifest)
            if let legacy = version.manifest.records {
                blobs.insert(legacy)
                for entry in try await legacyEntries(version, legacy) { blobs.insert(entry.digest) }
            }
            for task in version.manifest.tasks {
                tasks.insert(task.key)
                guard let stored = try await store.lookup(task: task.key) else { continue }
                calls.formUnion(Self.digests(in: stored.output))
            }
        }
        let since = versions.first?.record.created ?? Date()
        return (
            Retention(
                versions: Set(kept.map(\.id)), tasks: tasks, calls: calls, blobs: blobs,
                since: since), kept
        )
    }

    /// Every 64-hex-digit string in `bytes` (a task's output names its calls by key).
    static func digests(in bytes: [UInt8]) -> Set<Digest> {
        var found = Set<Digest>()
        var run: [UInt8] = []
        func flush() {
            if run.count == 64, let digest = Digest(hex: String(decoding: run, as: UTF8.self)) {
                found.insert(digest)
            }
            run.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"):
                run.append(byte)
            default: flush()
            }
        }
        flush()
        return found
    }
}
