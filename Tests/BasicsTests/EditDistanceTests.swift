import Basics
import Testing

@Suite("Edit distance and closest match")
struct EditDistanceTests {
    @Test(
        "edit distance counts insertions, deletions, substitutions and adjacent swaps",
        arguments: [
            ("kitten", "sitting", 3), ("sitting", "kitten", 3), ("flaw", "lawn", 2),
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("same", "same", 0),
            ("Model", "model", 1), ("MODEL", "model", 5), ("ab", "ba", 1), ("jugde", "judge", 1),
            ("abc", "ca", 3),
            ("temperature", "temprature", 1), ("abc", "xyz", 3),
        ] as [(String, String, Int)])
    func distance(a: String, b: String, expected: Int) {
        #expect(editDistance(a, b) == expected)
    }

    @Test("edit distance counts Unicode scalars, not bytes")
    func scalars() {
        #expect(editDistance("😀", "") == 1)
        #expect(editDistance("caf\u{E9}", "cafe") == 1)
        #expect(editDistance("e\u{301}", "e") == 1)
        #expect(editDistance("日本", "日本語") == 1)
    }

    @Test("a one-edit typo finds the candidate")
    func typo() {
        #expect(
            closestMatch(to: "temprature", among: ["top_p", "temperature", "seed"]) == "temperature"
        )
        #expect(
            closestMatch(to: "modle", among: ["prompt", "model"]) == "model", "a swap is one edit")
        #expect(closestMatch(to: "mdoel", among: ["prompt", "temperature"]) == nil)
        #expect(closestMatch(to: "modell", among: ["prompt", "model"]) == "model")
    }

    @Test("a difference of case alone counts as one edit, however many letters differ")
    func caseOnly() {
        #expect(closestMatch(to: "Model", among: ["model"]) == "model")
        #expect(closestMatch(to: "TEMPERATURE", among: ["temperature"]) == "temperature")
        #expect(closestMatch(to: "MAX", among: ["max"]) == "max")
    }

    @Test("case is ignored when measuring other edits")
    func caseIgnoredInDistance() {
        #expect(closestMatch(to: "Temprature", among: ["temperature"]) == "temperature")
    }

    @Test("nothing is suggested beyond a third of the word's length")
    func threshold() {
        // "abcdef" allows 2 edits.
        #expect(closestMatch(to: "abcdef", among: ["abcdxy"]) == "abcdxy")
        #expect(closestMatch(to: "abcdef", among: ["abcxyz"]) == nil)
        #expect(closestMatch(to: "xyz", among: ["temperature", "model"]) == nil)
        #expect(closestMatch(to: "anything", among: [String]()) == nil)
    }

    @Test("a short word still allows one edit")
    func shortWord() {
        #expect(closestMatch(to: "a", among: ["b"]) == "b")
        #expect(closestMatch(to: "ab", among: ["xy"]) == nil)
    }

    @Test("a nearer candidate wins over an earlier, farther one")
    func nearestWins() {
        #expect(closestMatch(to: "abcdefghi", among: ["abcdefgxx", "abcdefghx"]) == "abcdefghx")
    }

    @Test("ties go to the first candidate")
    func ties() {
        #expect(closestMatch(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(closestMatch(to: "cat", among: ["hat", "bat"]) == "hat")
        #expect(closestMatch(to: "Mode", among: ["mode", "Model"]) == "mode")
        #expect(closestMatch(to: "Mode", among: ["Model", "mode"]) == "Model")
    }

    @Test("the candidate equal to the word is skipped")
    func equalSkipped() {
        #expect(closestMatch(to: "model", among: ["model"]) == nil)
        #expect(closestMatch(to: "model", among: ["model", "models"]) == "models")
    }
}
