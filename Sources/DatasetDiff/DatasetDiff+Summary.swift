extension DatasetDiff {
    /// Records added, removed, changed and moved under one output, discipline or bucket.
    public struct Counts: Sendable, Hashable {
        public var added = 0
        public var removed = 0
        public var changed = 0
        /// Moves whose old record was here.
        public var movedOut = 0
        /// Moves whose new record is here.
        public var movedIn = 0

        public init(
            added: Int = 0, removed: Int = 0, changed: Int = 0, movedOut: Int = 0, movedIn: Int = 0
        ) {
            self.added = added
            self.removed = removed
            self.changed = changed
            self.movedOut = movedOut
            self.movedIn = movedIn
        }
    }

    /// One row of the summary: a name (an output, a discipline or a bucket) and its counts.
    public struct SummaryRow: Sendable, Hashable {
        public var name: String
        public var counts: Counts

        public init(name: String, counts: Counts) {
            self.name = name
            self.counts = counts
        }
    }

    /// The counts of a diff per output, per discipline and per bucket.
    ///
    /// Added records count under the new record's output, discipline and bucket; removed ones
    /// under the old record's; changed ones under the new record's. A move counts once as
    /// *moved out* under its old record's output, discipline and bucket and once as *moved in*
    /// under its new record's, so an item leaving `sft` for `cpt` shows as moved out of `sft`
    /// and the `zpd` bucket and moved into `cpt` and the `too-easy` bucket. Rows are sorted by
    /// name; records without a discipline or bucket count under `(none)`.
    public struct Summary: Sendable, Hashable {
        public static let none = "(none)"

        public var added: Int
        public var removed: Int
        public var changed: Int
        public var moved: Int
        public var unchanged: Int
        public var outputs: [SummaryRow]
        public var disciplines: [SummaryRow]
        public var buckets: [SummaryRow]

        /// Whether there is nothing to report.
        public var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 && moved == 0 }

        public init(_ result: Result) {
            added = result.added.count
            removed = result.removed.count
            changed = result.changed.count
            moved = result.moved.count
            unchanged = result.unchanged
            var tally = Tally()
            for entry in result.added { tally.add(entry) { $0.added += 1 } }
            for entry in result.removed { tally.add(entry) { $0.removed += 1 } }
            for change in result.changed { tally.add(change.new) { $0.changed += 1 } }
            for move in result.moved {
                tally.add(move.old) { $0.movedOut += 1 }
                tally.add(move.new) { $0.movedIn += 1 }
            }
            outputs = Tally.rows(tally.outputs)
            disciplines = Tally.rows(tally.disciplines)
            buckets = Tally.rows(tally.buckets)
        }
    }

    private struct Tally {
        var outputs: [String: Counts] = [:]
        var disciplines: [String: Counts] = [:]
        var buckets: [String: Counts] = [:]

        mutating func add(_ entry: RecordEntry, _ count: (inout Counts) -> Void) {
            count(&outputs[entry.output, default: Counts()])
            count(&disciplines[entry.discipline ?? Summary.none, default: Counts()])
            count(&buckets[entry.bucket ?? Summary.none, default: Counts()])
        }

        static func rows(_ counts: [String: Counts]) -> [SummaryRow] {
            counts.map { SummaryRow(name: $0.key, counts: $0.value) }.sorted { $0.name < $1.name }
        }
    }
}
