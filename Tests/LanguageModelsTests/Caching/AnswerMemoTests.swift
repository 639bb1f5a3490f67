import Basics
import Testing

@testable import LanguageModels

@Suite("Answers kept in memory")
struct AnswerMemoTests {
    static func completion(_ text: String) -> ChatCompletion {
        ChatCompletion(
            id: text, model: "m",
            choices: [.init(index: 0, message: .assistant(text), finishReason: .stop)], usage: nil)
    }

    @Test("the oldest answers go first once the byte budget is spent")
    func evictsOldest() {
        var memo = AnswerMemo(capacity: 100)
        let keys = (0..<3).map { Digest(of: "key \($0)") }
        for (index, key) in keys.enumerated() {
            memo.insert(Self.completion("answer \(index)"), for: key, size: 40)
        }
        #expect(memo[keys[0]] == nil)
        #expect(memo[keys[1]] == Self.completion("answer 1"))
        #expect(memo[keys[2]] == Self.completion("answer 2"))
    }

    @Test("an answer larger than the whole budget is not kept")
    func tooLarge() {
        var memo = AnswerMemo(capacity: 10)
        memo.insert(Self.completion("big"), for: Digest(of: "k"), size: 11)
        #expect(memo[Digest(of: "k")] == nil)
    }

    @Test("a budget of zero keeps nothing")
    func disabled() {
        var memo = AnswerMemo(capacity: 0)
        memo.insert(Self.completion("a"), for: Digest(of: "k"), size: 1)
        #expect(memo[Digest(of: "k")] == nil)
    }
}

@Suite("Byte-wise substring search")
struct IncludesTests {
    @Test(
        "finds what Foundation's contains finds, for the simulator's markers",
        arguments: [
            ("Reference answer: x", "Reference answer:", true), ("abc", "", true),
            ("ab", "abc", false), ("aaab", "aab", true), ("xyz", "z", true), ("", "a", false),
            ("naïve café", "café", true), ("round 3 of", "round ", true), ("abc", "abd", false),
        ])
    func table(_ text: String, _ needle: String, _ expected: Bool) {
        #expect(text.includes(needle) == expected)
    }
}
