/// Matches the records of two versions for `DatasetDiff.compare`.
///
/// Each side becomes an array of compact keys: a 64-bit hash of the record's output and item,
/// and the record's index. Sorted by hash, then (only on equal hashes) output, item and id, the
/// records of one output and item are adjacent and ordered by id, in the same order on both
/// sides; one walk in step then finds, group by group, the records changed, added and removed,
/// and the groups present on one side only (candidate moves).
struct RecordMatcher {
    let old: [RecordEntry]
    let new: [RecordEntry]

    /// A record's place in the sorted order: 16 bytes, no allocation.
    struct Key {
        var hash: UInt64
        var index: Int
    }

    func result() -> DatasetDiff.Result {
        let oldKeys = Self.sortedKeys(old)
        let newKeys = Self.sortedKeys(new)
        var result = DatasetDiff.Result()
        // Groups (output, item) on one side only, as ranges of the sorted keys.
        var lost: [Range<Int>] = []
        var gained: [Range<Int>] = []
        var i = 0
        var j = 0
        while i < oldKeys.count || j < newKeys.count {
            let order: Int
            if i == oldKeys.count {
                order = 1
            } else if j == newKeys.count {
                order = -1
            } else {
                order = Self.groupOrder(
                    oldKeys[i].hash, old[oldKeys[i].index], newKeys[j].hash, new[newKeys[j].index])
            }
            if order < 0 {
                let end = Self.groupEnd(oldKeys, old, from: i)
                lost.append(i..<end)
                i = end
            } else if order > 0 {
                let end = Self.groupEnd(newKeys, new, from: j)
                gained.append(j..<end)
                j = end
            } else {
                let oldEnd = Self.groupEnd(oldKeys, old, from: i)
                let newEnd = Self.groupEnd(newKeys, new, from: j)
                merge(oldKeys[i..<oldEnd], newKeys[j..<newEnd], into: &result)
                i = oldEnd
                j = newEnd
            }
        }
        pairMoves(lost: lost, oldKeys: oldKeys, gained: gained, newKeys: newKeys, into: &result)
        result.added.sort(by: Self.byOutputAndID)
        result.removed.sort(by: Self.byOutputAndID)
        result.changed.sort { Self.byOutputAndID($0.new, $1.new) }
        result.moved.sort { ($0.item, $0.from) < ($1.item, $1.from) }
        return result
    }

    /// Matches the records of one group present on both sides by id, without allocating.
    private func merge(
        _ oldGroup: ArraySlice<Key>, _ newGroup: ArraySlice<Key>,
        into result: inout DatasetDiff.Result
    ) {
        var a = oldGroup.startIndex
        var b = newGroup.startIndex
        while true {
            a = Self.lastOfID(oldGroup, old, from: a)
            b = Self.lastOfID(newGroup, new, from: b)
            let oldDone = a == oldGroup.endIndex
            let newDone = b == newGroup.endIndex
            if oldDone && newDone { return }
            if newDone || (!oldDone && old[oldGroup[a].index].id < new[newGroup[b].index].id) {
                result.removed.append(old[oldGroup[a].index])
                a += 1
            } else if oldDone || new[newGroup[b].index].id < old[oldGroup[a].index].id {
                result.added.append(new[newGroup[b].index])
                b += 1
            } else {
                let before = old[oldGroup[a].index]
                let after = new[newGroup[b].index]
                if before.digest == after.digest {
                    result.unchanged += 1
                } else {
                    result.changed.append(DatasetDiff.Change(old: before, new: after))
                }
                a += 1
                b += 1
            }
        }
    }

    /// Turns an item's lost and gained groups into one move; the rest into removals and
    /// additions.
    private func pairMoves(
        lost: [Range<Int>], oldKeys: [Key], gained: [Range<Int>], newKeys: [Key],
        into result: inout DatasetDiff.Result
    ) {
        var sides: [String: (lost: Int?, gained: Int?)] = [:]
        for (number, range) in lost.enumerated() {
            let entry = old[oldKeys[range.lowerBound].index]
            let first = sides[entry.item]?.lost
            if first == nil || entry.output < old[oldKeys[lost[first!].lowerBound].index].output {
                sides[entry.item, default: (nil, nil)].lost = number
            }
        }
        for (number, range) in gained.enumerated() {
            let entry = new[newKeys[range.lowerBound].index]
            guard sides[entry.item]?.lost != nil else { continue }
            let first = sides[entry.item]?.gained
            if first == nil || entry.output < new[newKeys[gained[first!].lowerBound].index].output {
                sides[entry.item]?.gained = number
            }
        }
        var movedLost = Set<Int>()
        var movedGained = Set<Int>()
        for (item, pair) in sides {
            guard let from = pair.lost, let to = pair.gained else { continue }
            let olds = Self.distinct(oldKeys[lost[from]], old)
            let news = Self.distinct(newKeys[gained[to]], new)
            let before = old[olds[0]]
            let after = new[news[0]]
            result.moved.append(
                DatasetDiff.Move(
                    item: item, from: before.output, to: after.output, old: before, new: after,
                    oldRecords: olds.count, newRecords: news.count))
            movedLost.insert(from)
            movedGained.insert(to)
        }
        for (number, range) in lost.enumerated() where !movedLost.contains(number) {
            result.removed += Self.distinct(oldKeys[range], old).map { old[$0] }
        }
        for (number, range) in gained.enumerated() where !movedGained.contains(number) {
            result.added += Self.distinct(newKeys[range], new).map { new[$0] }
        }
    }

    // MARK: Ordering

    private static func sortedKeys(_ entries: [RecordEntry]) -> [Key] {
        var keys = [Key]()
        keys.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            keys.append(Key(hash: hash(entry), index: index))
        }
        entries.withUnsafeBufferPointer { entries in
            keys.sort { a, b in
                if a.hash != b.hash { return a.hash < b.hash }
                let x = entries[a.index]
                let y = entries[b.index]
                if x.output != y.output { return x.output < y.output }
                if x.item != y.item { return x.item < y.item }
                if x.id != y.id { return x.id < y.id }
                return a.index < b.index
            }
        }
        return keys
    }

    /// FNV-1a over the output, a separator and the item.
    private static func hash(_ entry: RecordEntry) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in entry.output.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0xff) &* 0x100_0000_01b3
        for byte in entry.item.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The order of two groups: by hash, then output, then item.
    private static func groupOrder(
        _ hashA: UInt64, _ a: RecordEntry, _ hashB: UInt64, _ b: RecordEntry
    ) -> Int {
        if hashA != hashB { return hashA < hashB ? -1 : 1 }
        if a.output != b.output { return a.output < b.output ? -1 : 1 }
        if a.item != b.item { return a.item < b.item ? -1 : 1 }
        return 0
    }

    /// The end of the group starting at `start`.
    private static func groupEnd(_ keys: [Key], _ entries: [RecordEntry], from start: Int) -> Int {
        let first = entries[keys[start].index]
        var end = start + 1
        while end < keys.count,
            groupOrder(keys[start].hash, first, keys[end].hash, entries[keys[end].index]) == 0
        {
            end += 1
        }
        return end
    }

    /// From `start`, the position of the last entry with the same id (a repeated id counts
    /// once, by its last entry); `start` itself when the id does not repeat.
    private static func lastOfID(
        _ group: ArraySlice<Key>, _ entries: [RecordEntry], from start: Int
    ) -> Int {
        var position = start
        while position + 1 < group.endIndex,
            entries[group[position + 1].index].id == entries[group[position].index].id
        {
            position += 1
        }
        return position
    }

    /// The indices of a group's records, the last entry of a repeated id only.
    private static func distinct(_ group: ArraySlice<Key>, _ entries: [RecordEntry]) -> [Int] {
        var indices: [Int] = []
        indices.reserveCapacity(group.count)
        for key in group {
            if let last = indices.last, entries[last].id == entries[key.index].id {
                indices[indices.count - 1] = key.index
            } else {
                indices.append(key.index)
            }
        }
        return indices
    }

    private static func byOutputAndID(_ a: RecordEntry, _ b: RecordEntry) -> Bool {
        (a.output, a.id) < (b.output, b.id)
    }
}
