import Basics
public import DatasetDiff
import Foundation
import Store

extension VersionCatalog {
    /// The diff of two versions (`frontier diff A B`), with every changed and moved record's
    /// cause, and field-level differences when `records` is asked for; only output `output`
    /// when one is named.
    ///
    /// Each version's records are read through the store's cursor into compact entries without
    /// their lineages, both versions at once; lineages are then read only for the changed and
    /// moved records, to find their causes.
    public func diff(
        from before: Version, to after: Version, output: String?, records: Bool
    ) async throws -> DiffReport {
        // The two versions are read at once, on connections of their own.
        async let oldEntries = VersionDiff.entries(of: before, in: self)
        async let newEntries = VersionDiff.entries(of: after, in: self)
        var result = VersionDiff.itemLevel(
            DatasetDiff.compare(old: try await oldEntries, new: try await newEntries))
        if let output {
            result.added.removeAll { $0.output != output }
            result.removed.removeAll { $0.output != output }
            result.changed.removeAll { $0.output != output }
            result.moved.removeAll { $0.from != output && $0.to != output }
        }
        let pairs =
            result.changed.map { ($0.old, $0.new) } + result.moved.map { ($0.old, $0.new) }
        let oldLineages = try await lineages(Set(pairs.compactMap(\.0.lineageDigest)), of: before)
        let newLineages = try await lineages(Set(pairs.compactMap(\.1.lineageDigest)), of: after)
        func lineage(_ entry: RecordEntry, _ stored: [Digest: [String: Digest]]) -> [String: Digest]
        {
            entry.lineageDigest.flatMap { stored[$0] }
                ?? entry.lineage.compactMapValues { Digest(hex: $0) }
        }
        let finder = VersionCause(from: before, to: after, store: store)
        var causes: [String: String] = [:]
        var byLineages: [[[String: Digest]]: String] = [:]
        for (old, new) in pairs where causes[Self.pairKey(old, new)] == nil {
            let lineages = [lineage(old, oldLineages), lineage(new, newLineages)]
            if let known = byLineages[lineages] {
                causes[Self.pairKey(old, new)] = known
                continue
            }
            let cause = await finder.cause(lineage: lineages[0], lineages[1])
            byLineages[lineages] = cause
            causes[Self.pairKey(old, new)] = cause
        }
        let fields = records ? try await fieldChanges(result.changed, before, after) : [:]
        let known = causes
        return DiffReport(
            result,
            cause: { old, new in
                guard let old, let new else { return "unknown" }
                return known[Self.pairKey(old, new)] ?? "unknown"
            }, fields: fields)
    }

    /// Field by field, each changed item that has one record there on both sides.
    private func fieldChanges(
        _ changed: [DatasetDiff.Change], _ before: Version, _ after: Version
    ) async throws -> [DiffReport.RecordKey: [FieldChange]] {
        let oldKeys = Set(changed.map { $0.old.output + "\u{0}" + $0.old.item })
        let newKeys = Set(changed.map { $0.new.output + "\u{0}" + $0.new.item })
        let oldRecords = Dictionary(
            grouping: try await rows(of: before) {
                oldKeys.contains($0.output + "\u{0}" + $0.item)
            },
            by: { $0.output + "\u{0}" + $0.item })
        let newRecords = Dictionary(
            grouping: try await rows(of: after) { newKeys.contains($0.output + "\u{0}" + $0.item) },
            by: { $0.output + "\u{0}" + $0.item })
        var fields: [DiffReport.RecordKey: [FieldChange]] = [:]
        for change in changed {
            guard let was = oldRecords[change.old.output + "\u{0}" + change.old.item],
                let now = newRecords[change.new.output + "\u{0}" + change.new.item],
                was.count == 1, now.count == 1,
                let oldBody = try await body(of: was[0].digest),
                let newBody = try await body(of: now[0].digest)
            else { continue }
            fields[DiffReport.RecordKey(output: change.output, id: change.id)] =
                FieldChange.between(oldBody, newBody)
        }
        return fields
    }

    private static func pairKey(_ old: RecordEntry, _ new: RecordEntry) -> String {
        [old.output, old.id, new.output, new.id].joined(separator: "\u{0}")
    }
}
