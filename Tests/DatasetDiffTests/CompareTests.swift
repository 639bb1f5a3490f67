import Basics
import DatasetDiff
import Testing

/// An entry whose digest is that of `content`.
func entry(
    _ output: String, _ id: String, _ content: String = "v1", discipline: String? = "physics",
    bucket: String? = "zpd", lineage: [String: String] = [:]
) -> RecordEntry {
    RecordEntry(
        output: output, id: id, discipline: discipline, bucket: bucket,
        digest: Digest(of: content), lineage: lineage)
}

@Suite("DatasetDiff.compare")
struct CompareTests {
    @Test("identical versions have no differences and count every record unchanged")
    func identical() {
        let version = [entry("sft", "a"), entry("sft", "b"), entry("cpt", "c/round-1")]
        let result = DatasetDiff.compare(old: version, new: version.reversed())
        #expect(result.isEmpty)
        #expect(result.unchanged == 3)
        #expect(DiffReport(result).text() == "no differences (3 records unchanged)\n")
    }

    @Test("a record with a new digest is changed; one only in new is added, only in old removed")
    func addedRemovedChanged() {
        let old = [entry("sft", "a"), entry("sft", "b"), entry("sft", "c")]
        let new = [entry("sft", "a"), entry("sft", "b", "v2"), entry("sft", "d")]
        let result = DatasetDiff.compare(old: old, new: new)
        #expect(result.changed.map(\.id) == ["b"])
        #expect(result.changed.first?.old.digest == Digest(of: "v1"))
        #expect(result.added.map(\.id) == ["d"])
        #expect(result.removed.map(\.id) == ["c"])
        #expect(result.moved.isEmpty)
        #expect(result.unchanged == 1)
    }

    @Test("records are keyed by output and id: the same id in two outputs is two records")
    func keyedByOutput() {
        let old = [entry("sft", "a"), entry("review", "a")]
        let new = [entry("sft", "a"), entry("review", "a", "v2")]
        let result = DatasetDiff.compare(old: old, new: new)
        #expect(result.changed.map(\.output) == ["review"])
        #expect(result.unchanged == 1)
    }

    @Test("an item that leaves sft for cpt is one moved record, not a removal and an addition")
    func moveIsOneRecord() throws {
        let old = [entry("sft", "item-1"), entry("sft", "item-2")]
        let new = [
            entry("sft", "item-2"), entry("cpt", "item-1/round-1", bucket: "too-easy"),
            entry("cpt", "item-1/round-2", bucket: "too-easy"),
        ]
        let result = DatasetDiff.compare(old: old, new: new)
        #expect(result.added.isEmpty)
        #expect(result.removed.isEmpty)
        #expect(result.moved.count == 1)
        let move = try #require(result.moved.first)
        #expect(move.item == "item-1")
        #expect(move.from == "sft")
        #expect(move.to == "cpt")
        #expect(move.old.id == "item-1")
        #expect(move.new.id == "item-1/round-1")
        #expect(move.newRecords == 2)
    }

    @Test("an item that keeps records in an output only loses records there: plain removals")
    func partialRemovalIsNotAMove() {
        let old = [entry("cpt", "x/round-1"), entry("cpt", "x/round-2")]
        let new = [entry("cpt", "x/round-1"), entry("sft", "x")]
        let result = DatasetDiff.compare(old: old, new: new)
        #expect(result.moved.isEmpty)
        #expect(result.removed.map(\.id) == ["x/round-2"])
        #expect(result.added.map(\.id) == ["x"])
    }

    @Test("an item leaving two outputs moves from the first by name; the rest stay removals")
    func moveFromSeveralOutputs() {
        let old = [entry("sft", "x"), entry("review", "x")]
        let new = [entry("cpt", "x")]
        let result = DatasetDiff.compare(old: old, new: new)
        #expect(result.moved.map { "\($0.from)→\($0.to)" } == ["review→cpt"])
        #expect(result.removed.map(\.output) == ["sft"])
        #expect(result.added.isEmpty)
    }

    @Test("a repeated id counts once, by its last entry")
    func repeatedIDKeepsLast() {
        let old = [entry("sft", "a", "v1"), entry("sft", "a", "v2")]
        let new = [entry("sft", "a", "v2")]
        let result = DatasetDiff.compare(old: old, new: new)
        #expect(result.isEmpty)
        #expect(result.unchanged == 1)
    }

    @Test("empty versions: everything added, everything removed, or nothing at all")
    func emptySides() {
        let version = [entry("sft", "a"), entry("cpt", "b")]
        #expect(DatasetDiff.compare(old: [], new: version).added.count == 2)
        #expect(DatasetDiff.compare(old: version, new: []).removed.count == 2)
        #expect(DatasetDiff.compare(old: [], new: []).isEmpty)
    }

    @Test("results come sorted by output then id, whatever the input order")
    func sortedResults() {
        let new = (0..<50).map { entry($0 % 2 == 0 ? "sft" : "cpt", "r\($0)") }
        let result = DatasetDiff.compare(old: [], new: new.reversed())
        let keys = result.added.map { "\($0.output) \($0.id)" }
        #expect(keys == keys.sorted())
    }

    @Test("the item of a record defaults to its id up to the first slash")
    func defaultItem() {
        #expect(entry("cpt", "item-7/round-2").item == "item-7")
        #expect(entry("sft", "item-7").item == "item-7")
        #expect(RecordEntry(output: "x", id: "a/b", item: "z", digest: Digest(of: "")).item == "z")
    }

    @Test("the summary counts per output, discipline and bucket; a move out of and into each")
    func summary() {
        let old = [
            entry("sft", "a", discipline: "physics"), entry("sft", "b", discipline: "biology"),
            entry("sft", "m", discipline: "biology", bucket: "zpd"),
        ]
        let new = [
            entry("sft", "a", "v2", discipline: "physics"),
            entry("sft", "c", discipline: nil, bucket: nil),
            entry("cpt", "m/round-1", discipline: "biology", bucket: "too-easy"),
        ]
        let summary = DatasetDiff.compare(old: old, new: new).summary
        #expect((summary.added, summary.removed, summary.changed, summary.moved) == (1, 1, 1, 1))
        let outputs = Dictionary(uniqueKeysWithValues: summary.outputs.map { ($0.name, $0.counts) })
        #expect(outputs["sft"] == .init(added: 1, removed: 1, changed: 1, movedOut: 1))
        #expect(outputs["cpt"] == .init(movedIn: 1))
        let buckets = Dictionary(uniqueKeysWithValues: summary.buckets.map { ($0.name, $0.counts) })
        #expect(buckets["zpd"] == .init(removed: 1, changed: 1, movedOut: 1))
        #expect(buckets["too-easy"] == .init(movedIn: 1))
        #expect(buckets["(none)"] == .init(added: 1))
        #expect(summary.disciplines.map(\.name) == ["(none)", "biology", "physics"])
    }

    @Test("the first changed stage of two lineages, in pipeline order")
    func firstChangedStage() {
        let old = entry("sft", "a", lineage: ["seed": "1", "escalation": "2", "judge": "3"])
        let new = entry("sft", "a", lineage: ["seed": "1", "escalation": "9", "judge": "8"])
        let stages = ["seed", "escalation", "judge"]
        #expect(DatasetDiff.firstChangedStage(old: old, new: new, stages: stages) == "escalation")
        #expect(DatasetDiff.firstChangedStage(old: old, new: old, stages: stages) == nil)
        #expect(DatasetDiff.firstChangedStage(old: nil, new: new, stages: stages) == "seed")
    }
}
