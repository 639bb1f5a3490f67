public import Basics
public import Foundation
public import Store

extension VersionCatalog {
    /// Records a version the way a build does once its record bodies are stored: the manifest,
    /// naming the record index by its digest; the index as rows in the store (each distinct
    /// lineage once); then the version, whose id is the digest of its manifest. A version
    /// equal to a recorded one is that version again (its time moves, its tag stays).
    public static func record(
        _ entries: [VersionRecordEntry], manifest: BuildManifest, in store: any StoreBackend,
        created: Date = Date()
    ) async throws -> VersionRecord {
        let index = try VersionIndex.rows(entries)
        var manifest = manifest
        manifest.records = nil
        manifest.index = index.digest
        let digest = try await store.put(try JSONValue.canonical(manifest))
        let id = digest.prefix(16)
        try await store.recordRows(index.rows, lineages: index.lineages, version: id)
        let record = VersionRecord(
            id: id, recipe: manifest.recipe, manifest: digest, created: created)
        try await store.record(record)
        return record
    }

    /// Every record of `version` with its lineage, by output then id.
    public func entries(of version: Version) async throws -> [VersionRecordEntry] {
        if let blob = version.manifest.records { return try await legacyEntries(version, blob) }
        let rows = try await rows(of: version)
        let lineages = try await lineages(Set(rows.map(\.lineage)), of: version)
        return rows.map { row in
            VersionRecordEntry(
                output: row.output, id: row.id, item: row.item, discipline: row.discipline,
                bucket: row.bucket, digest: row.digest, lineage: lineages[row.lineage] ?? [:])
        }
    }

    /// Every record of `version` (or those `include` takes), without lineages, by output
    /// then id: read through the store's cursor.
    public func rows(
        of version: Version, where include: @escaping @Sendable (VersionRow) -> Bool = { _ in true }
    ) async throws -> [VersionRow] {
        if let blob = version.manifest.records {
            return try await legacyEntries(version, blob).map(VersionIndex.row).filter(include)
        }
        return try await store.foldRows(version: version.id, into: []) { rows, row in
            if include(row) { rows.append(row) }
        }
    }

    /// The lineages (stage → task key) with these digests; throws when one is missing.
    public func lineages(
        _ digests: Set<Digest>, of version: Version
    ) async throws -> [Digest: [String: Digest]] {
        var lineages: [Digest: [String: Digest]] = [:]
        for (digest, text) in try await store.lineages(digests) {
            guard let lineage = VersionIndex.lineage(text) else {
                throw BuildError("a lineage of version \(version.id) does not read: \(text)")
            }
            lineages[digest] = lineage
        }
        guard lineages.count == digests.count else {
            throw BuildError(
                "\(digests.count - lineages.count) lineage(s) of version \(version.id) are "
                    + "missing from the store")
        }
        return lineages
    }

    /// The record index of a version recorded before indexes were rows: one JSON blob.
    func legacyEntries(_ version: Version, _ blob: Digest) async throws -> [VersionRecordEntry] {
        guard let bytes = try await store.get(blob) else {
            throw BuildError(
                "the record index of version \(version.id) is missing from the store")
        }
        do {
            return try JSONDecoder().decode([VersionRecordEntry].self, from: Data(bytes))
        } catch {
            throw BuildError("the record index of version \(version.id) does not read: \(error)")
        }
    }
}
