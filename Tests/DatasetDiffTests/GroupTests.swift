import Basics
import DatasetDiff
import Testing

@Suite("Grouping by cause")
struct GroupTests {
    /// 30 sft and 7 review records changed by the prompt; 4 items moved sft → cpt and 1
    /// sft → review by the judge.
    static let result: DatasetDiff.Result = {
        var old: [RecordEntry] = []
        var new: [RecordEntry] = []
        let prompt = ["escalation": "p2"]
        for index in 0..<30 {
            old.append(entry("sft", "s\(index)"))
            new.append(entry("sft", "s\(index)", "v2", lineage: prompt))
        }
        for index in 0..<7 {
            old.append(entry("review", "r\(index)"))
            new.append(entry("review", "r\(index)", "v2", lineage: prompt))
        }
        for index in 0..<5 {
            old.append(entry("sft", "m\(index)"))
            let output = index < 4 ? "cpt" : "review"
            new.append(entry(output, "m\(index)/round-1", lineage: ["judge": "j2"]))
        }
        return DatasetDiff.compare(old: old, new: new)
    }()

    static func cause(_ old: RecordEntry?, _ new: RecordEntry?) -> String {
        new?.lineage["judge"] != nil ? "models.judge" : "escalation.prompt"
    }

    @Test("records group by the cause the closure names, largest group first")
    func groupsByCause() {
        let groups = DatasetDiff.groups(Self.result, by: Self.cause)
        #expect(groups.map(\.cause) == ["escalation.prompt", "models.judge"])
        #expect(groups.map(\.count) == [37, 5])
        #expect(
            DatasetDiff.Group.text(groups) == """
                escalation.prompt changed → 37 records changed (sft 30, review 7)
                models.judge changed → 5 records moved (sft → cpt 4, sft → review 1)

                """)
    }

    @Test("without a cause there is one group, rendered without a cause")
    func singleGroup() {
        let groups = DatasetDiff.groups(Self.result)
        #expect(groups.count == 1)
        #expect(groups.first?.cause == nil)
        #expect(
            groups.first?.text()
                == "37 records changed (sft 30, review 7); 5 moved (sft → cpt 4, sft → review 1)")
    }

    @Test("no changed or moved records make no groups")
    func noGroups() {
        let result = DatasetDiff.compare(old: [], new: [entry("sft", "a")])
        #expect(DatasetDiff.groups(result).isEmpty)
        #expect(DatasetDiff.groups(result, by: Self.cause).isEmpty)
    }

    @Test("one record reads in the singular")
    func singular() {
        let result = DatasetDiff.compare(old: [entry("sft", "a")], new: [entry("sft", "a", "v2")])
        let groups = DatasetDiff.groups(result, by: { _, _ in "seed.prompt" })
        #expect(groups.first?.text() == "seed.prompt changed → 1 record changed (sft 1)")
    }

    @Test("the JSON of a group lists changed ids per output and moved items")
    func groupJSON() throws {
        let groups = DatasetDiff.groups(Self.result, by: Self.cause)
        let judge = try #require(groups.last).json
        #expect(judge["cause"] == "models.judge")
        #expect(judge["moved"] == 5)
        #expect(judge["changed_ids"] == .object([:]))
        guard case .array(let items)? = judge["moved_items"] else {
            Issue.record("no moved items in \(judge)")
            return
        }
        #expect(items.first == ["item": "m0", "from": "sft", "to": "cpt"])
        let prompt = try #require(groups.first).json
        #expect(prompt["changed_by_output"] == ["sft": 30, "review": 7])
        guard case .array(let review)? = prompt["changed_ids"]?["review"] else {
            Issue.record("no review ids in \(prompt)")
            return
        }
        #expect(review.count == 7)
    }

    @Test("the summary table aligns its columns and shows moves only when something moved")
    func summaryTable() {
        let text = Self.result.summary.text()
        #expect(
            text == """
                0 added, 0 removed, 37 changed, 5 moved; 0 unchanged

                output      added  removed  changed  moved out  moved in
                cpt             0        0        0          0         4
                review          0        0        7          0         1
                sft             0        0       30          5         0

                discipline  added  removed  changed  moved out  moved in
                physics         0        0       37          5         5

                bucket      added  removed  changed  moved out  moved in
                zpd             0        0       37          5         5

                """)
        let noMoves = DatasetDiff.compare(old: [entry("sft", "a")], new: []).summary.text()
        #expect(!noMoves.contains("moved out"))
    }

    @Test("the record listing names each move once, with its item and outputs")
    func movedRecordListing() throws {
        let report = DiffReport(Self.result, cause: Self.cause)
        let lines = report.recordsText().split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("moved ") }.count == 5)
        #expect(lines.contains("moved m4 from sft to review"))
        #expect(lines.contains("changed r0 in review"))
        guard case .array(let records)? = report.json(records: true)["records"] else {
            Issue.record("no records in the JSON")
            return
        }
        #expect(records.count == 42)
        #expect(
            records.contains([
                "kind": "moved", "item": "m0", "from": "sft", "to": "cpt", "old_id": "m0",
                "new_id": "m0/round-1",
            ]))
    }
}
