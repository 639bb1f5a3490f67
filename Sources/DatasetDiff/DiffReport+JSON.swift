public import Basics

extension DiffReport {
    /// The report for tools: `totals`, the `summary` rows, the cause `groups` with the ids of
    /// their records and, with `records`, every record of the diff (changed ones with their
    /// field changes when known). Render it with `prettyString()` or `canonicalString()`,
    /// which sort keys.
    public func json(records: Bool = false) -> JSONValue {
        var object: [String: JSONValue] = [
            "totals": summary.totalsJSON,
            "summary": .array(summary.rowsJSON),
            "groups": .array(groups.map(\.json)),
        ]
        if records { object["records"] = .array(recordsJSON()) }
        return .object(object)
    }

    private func recordsJSON() -> [JSONValue] {
        func record(_ kind: String, _ output: String, _ id: String) -> [String: JSONValue] {
            ["kind": .string(kind), "output": .string(output), "id": .string(id)]
        }
        var records: [JSONValue] = []
        records += result.added.map { .object(record("added", $0.output, $0.id)) }
        records += result.removed.map { .object(record("removed", $0.output, $0.id)) }
        records += result.moved.map { move in
            .object([
                "kind": "moved", "item": .string(move.item), "from": .string(move.from),
                "to": .string(move.to), "old_id": .string(move.old.id),
                "new_id": .string(move.new.id),
            ])
        }
        records += result.changed.map { change in
            var object = record("changed", change.output, change.id)
            if let fields = fields(of: change) { object["fields"] = .array(fields.map(\.json)) }
            return .object(object)
        }
        return records
    }
}

extension DatasetDiff.Summary {
    /// `{"added": …, "removed": …, "changed": …, "moved": …, "unchanged": …}`.
    public var totalsJSON: JSONValue {
        .object([
            "added": .integer(added), "removed": .integer(removed), "changed": .integer(changed),
            "moved": .integer(moved), "unchanged": .integer(unchanged),
        ])
    }

    /// One object per row: outputs, then disciplines, then buckets, each with its `dimension`.
    public var rowsJSON: [JSONValue] {
        func rows(_ dimension: String, _ rows: [DatasetDiff.SummaryRow]) -> [JSONValue] {
            rows.map { row in
                .object([
                    "dimension": .string(dimension), "name": .string(row.name),
                    "added": .integer(row.counts.added), "removed": .integer(row.counts.removed),
                    "changed": .integer(row.counts.changed),
                    "moved_out": .integer(row.counts.movedOut),
                    "moved_in": .integer(row.counts.movedIn),
                ])
            }
        }
        return rows("output", outputs) + rows("discipline", disciplines)
            + rows("bucket", buckets)
    }
}

extension DatasetDiff.Group {
    /// The cause (null without one), counts per output and route, the ids of changed records
    /// per output and the moved items.
    public var json: JSONValue {
        var ids: [String: [JSONValue]] = [:]
        for change in changed { ids[change.output, default: []].append(.string(change.id)) }
        return .object([
            "cause": cause.map(JSONValue.string) ?? .null,
            "changed": .integer(changed.count),
            "moved": .integer(moved.count),
            "changed_by_output": .object(
                Dictionary(
                    uniqueKeysWithValues: changedByOutput.map { ($0.output, .integer($0.count)) })),
            "moved_by_route": .array(
                movedByRoute.map {
                    .object([
                        "from": .string($0.from), "to": .string($0.to), "moved": .integer($0.count),
                    ])
                }),
            "changed_ids": .object(ids.mapValues(JSONValue.array)),
            "moved_items": .array(
                moved.map {
                    .object([
                        "item": .string($0.item), "from": .string($0.from), "to": .string($0.to),
                    ])
                }),
        ])
    }
}

extension FieldChange {
    /// `{"path": …, "old": …, "new": …, "turn": …}`; `old` or `new` absent where the value is.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["path": .string(path)]
        if let old { object["old"] = old }
        if let new { object["new"] = new }
        if let turn { object["turn"] = .string(turn) }
        return .object(object)
    }
}
