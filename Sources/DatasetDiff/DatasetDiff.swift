/// Record-level diffs of two dataset versions: which records were added, removed, changed or
/// moved between outputs, counted per output, discipline and bucket, and grouped by cause.
///
/// Records are keyed by output and id. Ids derive from where an item came from, not from its
/// content, so an edited prompt shows up as *changed* records, not as removals plus additions.
public enum DatasetDiff {
    /// A record present in both versions with different content.
    public struct Change: Sendable, Hashable {
        public var old: RecordEntry
        public var new: RecordEntry

        public init(old: RecordEntry, new: RecordEntry) {
            self.old = old
            self.new = new
        }

        public var output: String { new.output }
        public var id: String { new.id }
    }

    /// An item whose records left one output and appeared in another: one move per item,
    /// however many records it had on either side.
    public struct Move: Sendable, Hashable {
        public var item: String
        public var from: String
        public var to: String
        /// The item's first record (by id) in `from`, in the old version.
        public var old: RecordEntry
        /// The item's first record (by id) in `to`, in the new version.
        public var new: RecordEntry
        /// How many records the item had in `from` before and has in `to` now.
        public var oldRecords: Int
        public var newRecords: Int

        public init(
            item: String, from: String, to: String, old: RecordEntry, new: RecordEntry,
            oldRecords: Int = 1, newRecords: Int = 1
        ) {
            self.item = item
            self.from = from
            self.to = to
            self.old = old
            self.new = new
            self.oldRecords = oldRecords
            self.newRecords = newRecords
        }
    }

    /// What changed between two versions. Added, removed and changed records are sorted by
    /// output then id; moves by item.
    public struct Result: Sendable, Hashable {
        public var added: [RecordEntry]
        public var removed: [RecordEntry]
        public var changed: [Change]
        public var moved: [Move]
        /// Records present in both versions with the same digest.
        public var unchanged: Int

        public init(
            added: [RecordEntry] = [], removed: [RecordEntry] = [], changed: [Change] = [],
            moved: [Move] = [], unchanged: Int = 0
        ) {
            self.added = added
            self.removed = removed
            self.changed = changed
            self.moved = moved
            self.unchanged = unchanged
        }

        /// Whether the two versions hold the same records.
        public var isEmpty: Bool {
            added.isEmpty && removed.isEmpty && changed.isEmpty && moved.isEmpty
        }

        /// The counts per output, discipline and bucket.
        public var summary: Summary { Summary(self) }
    }

    /// Compares two versions record by record, keyed by output and id.
    ///
    /// A record in both versions with a different digest is *changed*; one only in `new` is
    /// *added*, one only in `old` *removed*. When an item has records in an output of `old`
    /// and none there in `new`, and has records in another output of `new` and none there in
    /// `old`, those records are one *move* of the item instead of removals and additions. An
    /// item that left or entered several outputs at once moves from the first output it left
    /// to the first it entered (by name); its other records stay removals and additions.
    ///
    /// Ids are unique within an output; when one repeats, its last entry counts.
    ///
    /// Sorts compact (hash, index) keys rather than the entries, so a million records a side
    /// take tens of megabytes beyond the entries themselves.
    public static func compare(old: [RecordEntry], new: [RecordEntry]) -> Result {
        RecordMatcher(old: old, new: new).result()
    }

    /// The first stage of `stages` whose task key differs between two records' lineages (a
    /// stage present on one side only differs); nil when none does.
    public static func firstChangedStage(
        old: RecordEntry?, new: RecordEntry?, stages: [String]
    ) -> String? {
        stages.first { old?.lineage[$0] != new?.lineage[$0] }
    }
}
