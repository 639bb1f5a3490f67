import Basics
import Foundation
import Testing

@Suite("Parsing JSON directly")
struct JSONValueParsingTests {
    static let texts = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
        #"  [1, -2, 0, 1.5, -0.25, 1e3, 2E-2, 2.0, 9007199254740993, 123456789012345678901234]  "#,
        #""line\nbreak \"quoted\" \\ \/ \b\f\r\t é 𝄞 \u00e9 \ud834\udd1e \u0001""#,
        #"{"k": 1, "k": 2}"#,
        #"{"empty": {}, "list": [], "s": ""}"#,
        #"{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":64}"#,
    ]

    @Test("every valid text parses to what JSONDecoder makes of it", arguments: texts)
    func agreesWithJSONDecoder(_ text: String) throws {
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(JSONValue.parse(Array(text.utf8)) == expected)
    }

    @Test(
        "invalid texts are rejected",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"unterminated",
            "\"bad \\x escape\"", "\"\u{1}\"", "[1] 2", "\"\\ud834\"", "{\"a\":1,}", "1e",
        ])
    func rejects(_ text: String) {
        #expect(JSONValue.parse(Array(text.utf8)).map { _ in true } == nil)
    }

    @Test("a string that is not UTF-8 is rejected")
    func invalidUTF8() {
        #expect(JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]).map { _ in true } == nil)
    }
}
