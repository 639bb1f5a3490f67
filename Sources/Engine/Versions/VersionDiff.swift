import Basics
import DatasetDiff
import Store

/// How two versions are compared: item by item.
///
/// An item's records in one output are one unit of comparison (cpt keeps one record per round
/// the peer solved, whose ids follow the rounds, so they are compared together), keyed by the
/// item's id, which derives from its origin (unit and sample index), never its content. An item
/// the build made but wrote nowhere (a duplicate, an exam candidate not admitted) is in the
/// pseudo-output `(none)`. An item present in both versions is never added or removed: leaving
/// an output for another is a move, even when it was also in that other output before (a ZPD
/// item that becomes too easy leaves sft and keeps its cpt texts).
enum VersionDiff {
    static let nowhere = "(none)"

    /// The item-level entries of `version`, read through the store's cursor. Entries carry
    /// their lineage's digest, not the lineage (but for a version recorded with the older
    /// whole-blob index, and the items written nowhere, whose lineages are at hand).
    static func entries(
        of version: Version, in catalog: VersionCatalog
    ) async throws
        -> [RecordEntry]
    {
        var records: [RecordEntry]
        if version.manifest.records != nil {
            records = try await catalog.entries(of: version).map { record in
                RecordEntry(
                    output: record.output, id: record.id, item: record.item,
                    discipline: record.discipline, bucket: record.bucket, digest: record.digest,
                    lineage: record.lineage.mapValues(\.hex))
            }
        } else {
            records = try await catalog.store.foldRows(version: version.id, into: []) {
                records, row in
                records.append(
                    RecordEntry(
                        output: row.output, id: row.id, item: row.item,
                        discipline: row.discipline, bucket: row.bucket, digest: row.digest,
                        lineageDigest: row.lineage))
            }
        }
        items(&records, version: version)
        return records
    }

    /// Turns `records` into one entry per output and item: the item's first record (by id)
    /// under the item's id, with the digest of its records' digests when it has several; then
    /// the items the version's tasks made but no output holds. By output then id.
    ///
    /// Done in place: records come by output then id, which for nearly every version is
    /// already by output, item and id, so a million records need no second array.
    static func items(_ records: inout [RecordEntry], version: Version) {
        func precedes(_ x: RecordEntry, _ y: RecordEntry) -> Bool {
            if x.output != y.output { return x.output < y.output }
            if x.item != y.item { return x.item < y.item }
            return x.id < y.id
        }
        if !records.indices.dropFirst().allSatisfy({ !precedes(records[$0], records[$0 - 1]) }) {
            records.sort(by: precedes)
        }
        var written = 0
        var start = 0
        while start < records.count {
            var end = start + 1
            while end < records.count, records[end].item == records[start].item,
                records[end].output == records[start].output
            {
                end += 1
            }
            var first = records[start]
            if end - start > 1 {
                first.digest = Digest(
                    of: records[start..<end].map(\.digest.hex).sorted().joined(separator: "\n"))
            }
            first.id = first.item
            records[written] = first
            written += 1
            start = end
        }
        records.removeSubrange(written...)
        var lineage: [String: [String: String]] = [:]
        let stages = Set(VersionRecordEntry.lineageStages)
        for task in version.manifest.tasks where stages.contains(task.node) && !task.item.isEmpty {
            lineage[task.item, default: [:]][task.node] = task.key.hex
        }
        if !lineage.isEmpty {
            let written = Set(records.map(\.item))
            for (item, stages) in lineage.sorted(by: { $0.key < $1.key })
            where !written.contains(item) {
                records.append(
                    RecordEntry(
                        output: nowhere, id: item, item: item, digest: Digest(of: nowhere),
                        lineage: stages))
            }
        }
        let byOutputAndID = { (x: RecordEntry, y: RecordEntry) in
            (x.output, x.id) < (y.output, y.id)
        }
        if !records.indices.dropFirst().allSatisfy({ !byOutputAndID(records[$0], records[$0 - 1]) })
        {
            records.sort(by: byOutputAndID)
        }
    }

    /// `result` with items present on both sides turned from removals and additions into moves,
    /// and items that are nowhere on the side they appear on left out.
    static func itemLevel(_ result: DatasetDiff.Result) -> DatasetDiff.Result {
        var result = result
        var newByItem: [String: RecordEntry] = [:]
        var oldByItem: [String: RecordEntry] = [:]
        func prefer(_ a: RecordEntry?, _ b: RecordEntry) -> RecordEntry {
            guard let a else { return b }
            return rank(b.output) < rank(a.output) ? b : a
        }
        for change in result.changed {
            newByItem[change.new.item] = prefer(newByItem[change.new.item], change.new)
            oldByItem[change.old.item] = prefer(oldByItem[change.old.item], change.old)
        }
        for move in result.moved {
            newByItem[move.item] = prefer(newByItem[move.item], move.new)
            oldByItem[move.item] = prefer(oldByItem[move.item], move.old)
        }
        for entry in result.added { newByItem[entry.item] = prefer(newByItem[entry.item], entry) }
        for entry in result.removed { oldByItem[entry.item] = prefer(oldByItem[entry.item], entry) }
        var moved: [DatasetDiff.Move] = []
        result.removed.removeAll { entry in
            guard let now = newByItem[entry.item], now.output != entry.output else {
                return entry.output == nowhere
            }
            moved.append(
                DatasetDiff.Move(
                    item: entry.item, from: entry.output, to: now.output, old: entry, new: now,
                    oldRecords: 1, newRecords: 1))
            return true
        }
        result.added.removeAll { entry in
            guard let was = oldByItem[entry.item], was.output != entry.output else {
                return entry.output == nowhere
            }
            // Counted once: when the item also left an output, that removal is the move.
            if !moved.contains(where: { $0.item == entry.item }) {
                moved.append(
                    DatasetDiff.Move(
                        item: entry.item, from: was.output, to: entry.output, old: was,
                        new: entry, oldRecords: 1, newRecords: 1))
            }
            return true
        }
        result.changed.removeAll { $0.output == nowhere }
        result.moved += moved
        result.moved.sort { ($0.item, $0.from, $0.to) < ($1.item, $1.from, $1.to) }
        return result
    }

    /// The output an item is mainly in: sft, review, exam, then cpt, then nowhere.
    private static func rank(_ output: String) -> Int {
        ["sft", "review", "exam", "cpt"].firstIndex(of: output) ?? 9
    }
}
