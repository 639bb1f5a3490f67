import Basics
import DatasetDiff
import Foundation
import TestSupport
import Testing

@Suite("JSONL datasets")
struct JSONLTests {
    static let fixtures = Fixtures.path("Fixtures", relativeTo: #filePath)
    static let golden = Fixtures.path("Golden", relativeTo: #filePath)

    static func entries(_ text: String, key: String = "id") throws -> [RecordEntry] {
        try DatasetDiff.entries(ofJSONL: Array(text.utf8), output: "sft", key: key)
    }

    /// The error reading `text`, or nil when it reads.
    static func error(_ text: String, key: String = "id") -> JSONLError? {
        do {
            _ = try entries(text, key: key)
            return nil
        } catch {
            return error as? JSONLError
        }
    }

    @Test("each line is one record keyed by the field, with discipline and bucket when present")
    func reads() throws {
        let entries = try Self.entries(
            """
            {"id": "a", "discipline": "physics", "bucket": "zpd", "q": 1}

            {"id": 7, "q": 2}\r
            """)
        #expect(entries.map(\.id) == ["a", "7"])
        #expect(entries.map(\.discipline) == ["physics", nil])
        #expect(entries.map(\.bucket) == ["zpd", nil])
        #expect(entries.allSatisfy { $0.output == "sft" && $0.lineage.isEmpty })
        let canonical = try JSONValue.object(["id": 7, "q": 2]).canonicalBytes()
        #expect(entries[1].digest == Digest(of: canonical))
    }

    @Test("the digest is of canonical JSON: key order and spacing do not change a record")
    func canonicalDigest() throws {
        let a = try Self.entries(#"{"id":"a","x":[1,2],"y":2.0}"#)
        let b = try Self.entries(#"{ "y": 2, "x": [1, 2], "id": "a" }"#)
        #expect(a.first?.digest == b.first?.digest)
    }

    @Test(
        "a line that is not a keyed object is an error naming its line",
        arguments: [
            ("{\"id\": \"a\"}\n{\"id\": \"b\"\n", 2, "jsonl-invalid-json"),
            ("{\"id\": \"a\"}\n\n[1, 2]\n", 3, "jsonl-not-object"),
            ("{\"name\": \"a\"}\n", 1, "jsonl-missing-key"),
            ("{\"id\": {\"x\": 1}}\n", 1, "jsonl-invalid-key"),
            ("{\"id\": \"a\"}\n{\"id\": \"b\"}\n{\"id\": \"a\"}\n", 3, "jsonl-repeated-key"),
        ])
    func errors(text: String, line: Int, id: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.line == line)
        #expect(error.id == id)
        #expect(error.description.hasPrefix("line \(line): error: "))
    }

    @Test("error messages say what was found and what was expected")
    func messages() throws {
        let repeated = try #require(Self.error("{\"id\": \"a\"}\n{\"id\": \"a\"}\n"))
        #expect(
            repeated.description
                == "line 2: error: 'id' 'a' repeats the key of the record on line 1 [jsonl-repeated-key]"
        )
        let missing = try #require(Self.error("{\"id\": 1}\n", key: "uid"))
        #expect(
            missing.description
                == "line 1: error: the record has no 'uid' field, expected one to key records by [jsonl-missing-key]"
        )
        let array = try #require(Self.error("[]\n"))
        #expect(array.message == "found an array, expected a JSON object")
    }

    @Test("a file diff names the file and line of a bad line, and a file that is missing")
    func fileErrors() throws {
        try TemporaryDirectory.with { directory in
            let bad = directory.path + "/bad.jsonl"
            try "{\"id\": \"a\"}\nnot json\n".write(toFile: bad, atomically: true, encoding: .utf8)
            let good = Self.fixtures + "/a.jsonl"
            #expect {
                try DatasetDiff.compareJSONL(old: good, new: bad, key: "id")
            } throws: { error in
                (error as? JSONLError)?.description
                    == "\(bad):2: error: the line is not valid JSON, expected one JSON object per line [jsonl-invalid-json]"
            }
            #expect {
                try DatasetDiff.compareJSONL(
                    old: directory.path + "/none.jsonl", new: good, key: "id")
            } throws: { error in
                (error as? JSONLError)?.id == "jsonl-unreadable"
            }
        }
    }

    @Test("diffing a file against itself finds no differences")
    func sameFile() throws {
        let path = Self.fixtures + "/a.jsonl"
        let report = try DatasetDiff.compareJSONL(old: path, new: path, key: "id")
        #expect(report.text(records: true) == "no differences (12 records unchanged)\n")
    }

    @Test("the fixture diff: changed, added and removed records with field changes (golden)")
    func golden() throws {
        let report = try DatasetDiff.compareJSONL(
            old: Self.fixtures + "/a.jsonl", new: Self.fixtures + "/b.jsonl", key: "id")
        #expect(report.result.changed.map(\.id) == ["q-02", "q-03", "q-06", "q-08", "q-11"])
        #expect(report.result.added.map(\.id) == ["q-13", "q-14", "q-15"])
        #expect(report.result.removed.map(\.id) == ["q-04", "q-09"])
        #expect(report.result.unchanged == 5)
        if let mismatch = Golden.mismatch(
            report.text(records: true), goldenPath: Self.golden + "/diff.txt")
        {
            Issue.record("\(mismatch)")
        }
        let json = try report.json(records: true).prettyString()
        if let mismatch = Golden.mismatch(json, goldenPath: Self.golden + "/diff.json") {
            Issue.record("\(mismatch)")
        }
    }
}
