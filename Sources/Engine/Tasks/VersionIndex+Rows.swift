import Basics
import Foundation
import Store

extension VersionIndex {
    /// A version's record index as the store keeps it: rows in order, each distinct lineage
    /// once (its digest → its canonical JSON), and a digest naming the whole index.
    struct Rows: Sendable {
        var rows: [VersionRow] = []
        var lineages: [Digest: String] = [:]
        var digest: Digest
    }

    /// The rows of `entries` (by output then id, as ``store(_:tasks:in:)`` returns them).
    static func rows(_ entries: [VersionRecordEntry]) throws -> Rows {
        var rows: [VersionRow] = []
        rows.reserveCapacity(entries.count)
        var lineages: [Digest: String] = [:]
        var hasher = DigestHasher()
        for entry in entries {
            let text = try lineageText(entry.lineage)
            let lineage = Digest(of: text)
            lineages[lineage] = text
            let row = VersionRow(
                output: entry.output, id: entry.id, item: entry.item,
                discipline: entry.discipline, bucket: entry.bucket, digest: entry.digest,
                lineage: lineage)
            hasher.update(line(row))
            rows.append(row)
        }
        return Rows(rows: rows, lineages: lineages, digest: hasher.finalize())
    }

    /// The row of a version recorded with the older whole-blob index.
    static func row(_ entry: VersionRecordEntry) -> VersionRow {
        VersionRow(
            output: entry.output, id: entry.id, item: entry.item, discipline: entry.discipline,
            bucket: entry.bucket, digest: entry.digest,
            lineage: Digest(of: (try? lineageText(entry.lineage)) ?? "{}"))
    }

    /// The canonical JSON of a lineage: stage → task key (hex).
    static func lineageText(_ lineage: [String: Digest]) throws -> String {
        try JSONValue.object(lineage.mapValues { .string($0.hex) }).canonicalString()
    }

    /// A lineage read back from its text; nil when it does not read as one.
    static func lineage(_ text: String) -> [String: Digest]? {
        guard case .object(let stages)? = JSONValue.parse(Array(text.utf8)) else { return nil }
        var lineage: [String: Digest] = [:]
        for (stage, key) in stages {
            guard let key = key.stringValue.flatMap(Digest.init(hex:)) else { return nil }
            lineage[stage] = key
        }
        return lineage
    }

    /// One row as hashed into the index's digest: its fields separated by NUL (a missing
    /// discipline or bucket is SOH), ending in a newline.
    private static func line(_ row: VersionRow) -> String {
        [
            row.output, row.id, row.item, row.discipline ?? "\u{1}", row.bucket ?? "\u{1}",
            row.digest.hex, row.lineage.hex,
        ].joined(separator: "\u{0}") + "\n"
    }
}
