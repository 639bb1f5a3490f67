import Basics
import DatasetDiff
import Testing

@Suite("Field-level diffs")
struct FieldChangeTests {
    @Test("equal bodies have no field changes; integers and numbers of equal value are equal")
    func equalBodies() {
        let body: JSONValue = ["id": "a", "n": 2, "tags": ["x", "y"]]
        #expect(FieldChange.between(body, body).isEmpty)
        #expect(FieldChange.between(["n": 2], ["n": 2.0]).isEmpty)
        #expect(
            FieldChange.between(["n": .integer(Int.max)], ["n": .integer(Int.max - 1)]).count == 1)
    }

    @Test("objects differ key by key: changed, added and removed fields with their paths")
    func objects() {
        let changes = FieldChange.between(
            ["answer": "Paris", "gone": true, "meta": ["a b": 1]],
            ["answer": "Lyon", "meta": ["a b": 2], "new": nil])
        #expect(
            changes == [
                FieldChange(path: "answer", old: "Paris", new: "Lyon"),
                FieldChange(path: "gone", old: true, new: nil),
                FieldChange(path: "meta[\"a b\"]", old: 1, new: 2),
                FieldChange(path: "new", old: nil, new: .null),
            ])
        #expect(changes[1].text() == "gone: true → (absent)")
        #expect(changes[3].text() == "new: (absent) → null")
    }

    @Test("chat messages differ by index, naming the turn that changed")
    func chatTurns() {
        let old: JSONValue = [
            "messages": [
                ["role": "user", "content": "Hi"], ["role": "assistant", "content": "A"],
            ]
        ]
        let new: JSONValue = [
            "messages": [
                ["role": "user", "content": "Hi"], ["role": "assistant", "content": "B"],
                ["role": "user", "content": "More?"],
            ]
        ]
        let changes = FieldChange.between(old, new)
        #expect(changes.map(\.path) == ["messages[1].content", "messages[2]"])
        #expect(changes.map(\.turn) == ["turn 2, assistant", "turn 3, user"])
        #expect(changes[0].text() == "messages[1].content (turn 2, assistant): \"A\" → \"B\"")
        #expect(
            changes[1].text()
                == "messages[2] (turn 3, user): (absent) → {\"content\":\"More?\",\"role\":\"user\"}"
        )
    }

    @Test("values of different kinds differ as a whole, at the root too")
    func kinds() {
        #expect(
            FieldChange.between(["a": [1]], ["a": "1"])
                == [FieldChange(path: "a", old: [1], new: "1")])
        #expect(FieldChange.between([1], "x").map(\.path) == ["$"])
    }

    @Test("long strings are shortened around their first difference with an ellipsis")
    func longStrings() {
        let prefix = String(repeating: "the quick brown fox ", count: 10)
        let change = FieldChange(
            path: "answer", old: .string(prefix + "jumps over the lazy dog"),
            new: .string(prefix + "sleeps under the lazy dog"))
        let text = change.text(width: 40)
        #expect(text.hasPrefix("answer: \"…"))
        #expect(text.contains("jumps"))
        #expect(text.contains("sleeps"))
        #expect(text.count < 120)
        let short = FieldChange(
            path: "a", old: "x", new: .string(String(repeating: "y", count: 100)))
        #expect(short.text(width: 10) == "a: \"x\" → \"yyyyyyyyyy…\"")
    }
}
