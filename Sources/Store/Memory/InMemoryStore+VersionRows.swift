public import Basics

extension InMemoryStore {
    public func recordRows(
        _ rows: [VersionRow], lineages: [Digest: String], version id: String
    ) throws {
        try Task.checkCancellation()
        lineageTexts.merge(lineages) { stored, _ in stored }
        if versionRows[id] == nil, !rows.isEmpty { versionRows[id] = rows }
        commit()
    }

    public func foldRows<Result: Sendable>(
        version id: String, into initial: Result,
        _ update: @escaping @Sendable (inout Result, VersionRow) throws -> Void
    ) throws -> Result {
        var result = initial
        for row in versionRows[id] ?? [] { try update(&result, row) }
        return result
    }

    public func lineages(_ digests: Set<Digest>) -> [Digest: String] {
        var found: [Digest: String] = [:]
        for digest in digests { found[digest] = lineageTexts[digest] }
        return found
    }

    /// Whether version `id` has rows here (an overlay reads the rows of its base otherwise).
    func hasRows(version id: String) -> Bool {
        versionRows[id] != nil
    }

    /// Drops the rows of versions no longer recorded and the lineages no row names.
    func dropUnrecordedRows() {
        for id in versionRows.keys where versionRecords[id] == nil { versionRows[id] = nil }
        var named = Set<Digest>()
        for rows in versionRows.values { for row in rows { named.insert(row.lineage) } }
        lineageTexts = lineageTexts.filter { named.contains($0.key) }
    }
}
