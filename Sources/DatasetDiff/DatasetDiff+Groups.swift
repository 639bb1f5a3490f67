extension DatasetDiff {
    /// Names the cause of a changed or moved record from its old and new entries, e.g. the
    /// recipe component behind the first stage whose task key differs (`escalation.prompt`).
    public typealias Cause = (_ old: RecordEntry?, _ new: RecordEntry?) -> String

    /// Changed and moved records that share a cause.
    public struct Group: Sendable, Hashable {
        /// The cause; nil for the one group of a diff grouped without a cause.
        public var cause: String?
        /// In the result's order (output, then id).
        public var changed: [Change]
        /// In the result's order (item).
        public var moved: [Move]

        public init(cause: String?, changed: [Change] = [], moved: [Move] = []) {
            self.cause = cause
            self.changed = changed
            self.moved = moved
        }

        /// The records of the group: changed ones plus moves.
        public var count: Int { changed.count + moved.count }

        /// Changed records per output, most first (then by name).
        public var changedByOutput: [(output: String, count: Int)] {
            var counts: [String: Int] = [:]
            for change in changed { counts[change.output, default: 0] += 1 }
            return counts.map { (output: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.output) < ($0.count, $1.output) }
        }

        /// Moves per route (from → to), most first (then by route).
        public var movedByRoute: [(from: String, to: String, count: Int)] {
            var counts: [Route: Int] = [:]
            for move in moved { counts[Route(from: move.from, to: move.to), default: 0] += 1 }
            return counts.map { (from: $0.key.from, to: $0.key.to, count: $0.value) }
                .sorted { ($1.count, $0.from, $0.to) < ($0.count, $1.from, $1.to) }
        }

        private struct Route: Hashable {
            var from: String
            var to: String
        }
    }

    /// The changed and moved records of `result` grouped by `cause`, the largest group first
    /// (then by cause); one group (cause nil) when no cause is given, none when nothing
    /// changed or moved.
    public static func groups(_ result: Result, by cause: Cause? = nil) -> [Group] {
        guard let cause else {
            if result.changed.isEmpty && result.moved.isEmpty { return [] }
            return [Group(cause: nil, changed: result.changed, moved: result.moved)]
        }
        var groups: [String: Group] = [:]
        for change in result.changed {
            let name = cause(change.old, change.new)
            groups[name, default: Group(cause: name)].changed.append(change)
        }
        for move in result.moved {
            let name = cause(move.old, move.new)
            groups[name, default: Group(cause: name)].moved.append(move)
        }
        return groups.values.sorted { ($1.count, $0.cause ?? "") < ($0.count, $1.cause ?? "") }
    }
}
