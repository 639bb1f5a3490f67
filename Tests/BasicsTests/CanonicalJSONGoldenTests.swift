import Basics
import Foundation
import TestSupport
import Testing

/// One named value whose canonical JSON is pinned in `Golden/canonical-json.txt`.
struct CanonicalFixture: Sendable {
    let name: String
    let value: JSONValue

    init(_ name: String, _ value: JSONValue) {
        self.name = name
        self.value = value
    }
}

/// Every canonical form the keys of `frontier` depend on. Adding a fixture is fine; changing the
/// output of an existing one changes every key and must be deliberate (RFC 8785).
let canonicalFixtures: [CanonicalFixture] = [
    // Structure.
    CanonicalFixture("empty-object", .object([:])),
    CanonicalFixture("empty-array", .array([])),
    CanonicalFixture("literals", [nil, true, false]),
    CanonicalFixture("empty-containers-nested", ["b": [], "a": .object([:]), "c": [[], [:]]]),
    CanonicalFixture(
        "nested-unsorted-keys",
        [
            "zeta": ["y": 2, "x": 1, "w": ["d": nil, "c": [true, ["b": "B", "a": "A"]]]],
            "alpha": "first",
            "mid": [3, 2, 1],
        ]),
    CanonicalFixture("keys-prefix-and-case", ["aa": 1, "b": 2, "a": 3, "": 4, "B": 5, "_": 6]),
    CanonicalFixture("keys-escaped", ["a\"b": 1, "\n": 2, "a\\b": 3, "\u{1}": 4]),
    // RFC 8785 section 3.2.3: "\u{1F600}" (UTF-16 D83D DE00) sorts before "\u{FB33}".
    CanonicalFixture(
        "rfc8785-sorting-example",
        [
            "\u{20AC}": "Euro Sign",
            "\r": "Carriage Return",
            "\u{FB33}": "Hebrew Letter Dalet With Dagesh",
            "1": "One",
            "\u{1F600}": "Emoji: Grinning Face",
            "\u{80}": "Control",
            "\u{F6}": "Latin Small Letter O With Diaeresis",
        ]),
    CanonicalFixture(
        "keys-utf16-vs-scalar", ["\u{FFFF}": "BMP last", "\u{10000}": "astral first"]),
    // RFC 8785 section 3.2.2 (the input written as Swift values).
    CanonicalFixture(
        "rfc8785-main-example",
        [
            "numbers": [.number(333_333_333.333_333_29), 1e30, 4.50, 2e-3, 1e-27],
            "string": "\u{20AC}$\u{0F}\u{0A}A'\u{42}\u{22}\u{5C}\\\"/",
            "literals": [nil, true, false],
        ]),
    // Strings.
    CanonicalFixture("string-plain", "hello, world"),
    CanonicalFixture("string-empty", ""),
    CanonicalFixture("string-quote-and-backslash", "say \"hi\" \\ then \\\\ and \\\""),
    CanonicalFixture("string-solidus-unescaped", "a/b</script>"),
    CanonicalFixture("string-short-escapes", "\u{08}\u{0C}\n\r\t"),
    CanonicalFixture("string-other-controls", "\u{00}\u{01}\u{07}\u{0B}\u{0E}\u{1B}\u{1F}"),
    CanonicalFixture("string-space-and-del", " \u{7F} "),
    CanonicalFixture("string-non-ascii", "héllo wörld — €5 日本語"),
    CanonicalFixture("string-emoji", "😀 👍🏽 👨‍👩‍👧"),
    CanonicalFixture("string-line-separators", "a\u{2028}b\u{2029}c"),
    CanonicalFixture("string-decomposed-accent", "e\u{301}"),
    // Integers.
    CanonicalFixture("integer-zero", .integer(0)),
    CanonicalFixture("integer-negative", .integer(-42)),
    // Beyond 2^53 an `.integer` is written exactly, where strict RFC 8785 (numbers as IEEE-754
    // doubles) would write "-9223372036854776000"; compare `number-Int.min-as-double`.
    CanonicalFixture("integer-min-exact-not-jcs", .integer(Int.min)),
    CanonicalFixture("integer-max-exact-not-jcs", .integer(Int.max)),
    // Numbers: ECMAScript Number.prototype.toString.
    CanonicalFixture("number-zero", .number(0)),
    CanonicalFixture("number-negative-zero", .number(-0.0)),
    CanonicalFixture("number-one", .number(1.0)),
    CanonicalFixture("number-negative-one-and-a-half", .number(-1.5)),
    CanonicalFixture("number-123.456", .number(123.456)),
    CanonicalFixture("number-0.1-plus-0.2", .number(0.1 + 0.2)),
    CanonicalFixture("number-1e20", .number(1e20)),
    CanonicalFixture("number-1e21", .number(1e21)),
    CanonicalFixture("number-1e-6", .number(0.000001)),
    CanonicalFixture("number-1e-7", .number(1e-7)),
    CanonicalFixture("number-2^53", .number(9_007_199_254_740_992)),
    CanonicalFixture("number-negative-2^53", .number(-9_007_199_254_740_992)),
    CanonicalFixture("number-Int.min-as-double", .number(Double(Int.min))),
    CanonicalFixture("number-smallest-subnormal", .number(Double.leastNonzeroMagnitude)),
    CanonicalFixture("number-greatest-finite", .number(Double.greatestFiniteMagnitude)),
    CanonicalFixture("number-integral-in-array", [1, 1.0, -0.0, 2.5, .number(-3)]),
    // RFC 8785 appendix B, by IEEE-754 bit pattern.
    CanonicalFixture(
        "rfc8785-b-0000000000000000", .number(Double(bitPattern: 0x0000_0000_0000_0000))),
    CanonicalFixture(
        "rfc8785-b-8000000000000000", .number(Double(bitPattern: 0x8000_0000_0000_0000))),
    CanonicalFixture(
        "rfc8785-b-0000000000000001", .number(Double(bitPattern: 0x0000_0000_0000_0001))),
    CanonicalFixture(
        "rfc8785-b-8000000000000001", .number(Double(bitPattern: 0x8000_0000_0000_0001))),
    CanonicalFixture(
        "rfc8785-b-7fefffffffffffff", .number(Double(bitPattern: 0x7FEF_FFFF_FFFF_FFFF))),
    CanonicalFixture(
        "rfc8785-b-ffefffffffffffff", .number(Double(bitPattern: 0xFFEF_FFFF_FFFF_FFFF))),
    CanonicalFixture(
        "rfc8785-b-4340000000000000", .number(Double(bitPattern: 0x4340_0000_0000_0000))),
    CanonicalFixture(
        "rfc8785-b-c340000000000000", .number(Double(bitPattern: 0xC340_0000_0000_0000))),
    CanonicalFixture(
        "rfc8785-b-4430000000000000", .number(Double(bitPattern: 0x4430_0000_0000_0000))),
    CanonicalFixture(
        "rfc8785-b-44b52d02c7e14af5", .number(Double(bitPattern: 0x44B5_2D02_C7E1_4AF5))),
    CanonicalFixture(
        "rfc8785-b-44b52d02c7e14af6", .number(Double(bitPattern: 0x44B5_2D02_C7E1_4AF6))),
    CanonicalFixture(
        "rfc8785-b-44b52d02c7e14af7", .number(Double(bitPattern: 0x44B5_2D02_C7E1_4AF7))),
    CanonicalFixture(
        "rfc8785-b-444b1ae4d6e2ef4e", .number(Double(bitPattern: 0x444B_1AE4_D6E2_EF4E))),
    CanonicalFixture(
        "rfc8785-b-444b1ae4d6e2ef4f", .number(Double(bitPattern: 0x444B_1AE4_D6E2_EF4F))),
    CanonicalFixture(
        "rfc8785-b-444b1ae4d6e2ef50", .number(Double(bitPattern: 0x444B_1AE4_D6E2_EF50))),
    CanonicalFixture(
        "rfc8785-b-3eb0c6f7a0b5ed8c", .number(Double(bitPattern: 0x3EB0_C6F7_A0B5_ED8C))),
    CanonicalFixture(
        "rfc8785-b-3eb0c6f7a0b5ed8d", .number(Double(bitPattern: 0x3EB0_C6F7_A0B5_ED8D))),
    CanonicalFixture(
        "rfc8785-b-41b3de4355555553", .number(Double(bitPattern: 0x41B3_DE43_5555_5553))),
    CanonicalFixture(
        "rfc8785-b-41b3de4355555554", .number(Double(bitPattern: 0x41B3_DE43_5555_5554))),
    CanonicalFixture(
        "rfc8785-b-41b3de4355555555", .number(Double(bitPattern: 0x41B3_DE43_5555_5555))),
    CanonicalFixture(
        "rfc8785-b-41b3de4355555556", .number(Double(bitPattern: 0x41B3_DE43_5555_5556))),
    CanonicalFixture(
        "rfc8785-b-41b3de4355555557", .number(Double(bitPattern: 0x41B3_DE43_5555_5557))),
    CanonicalFixture(
        "rfc8785-b-becbf647612f3696", .number(Double(bitPattern: 0xBECB_F647_612F_3696))),
    CanonicalFixture(
        "rfc8785-b-43143ff3c1cb0959", .number(Double(bitPattern: 0x4314_3FF3_C1CB_0959))),
]

@Suite("Canonical JSON golden file")
struct CanonicalJSONGoldenTests {
    @Test("every fixture's canonical JSON matches Golden/canonical-json.txt")
    func goldenFile() throws {
        var lines: [String] = []
        for fixture in canonicalFixtures {
            lines.append("\(fixture.name)\t\(try fixture.value.canonicalString())")
        }
        let actual = lines.joined(separator: "\n") + "\n"
        let path = Fixtures.path("Golden", "canonical-json.txt", relativeTo: #filePath)
        let mismatch = Golden.mismatch(actual, goldenPath: path)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("fixture names are unique and hold no tab")
    func fixtureNames() {
        let names = canonicalFixtures.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.contains("\t") })
        #expect(names.count >= 25)
    }

    @Test("canonical output is one line: no raw newline or tab reaches the bytes")
    func singleLine() throws {
        for fixture in canonicalFixtures {
            let bytes = try fixture.value.canonicalBytes()
            #expect(!bytes.contains(UInt8(ascii: "\n")), "\(fixture.name)")
            #expect(!bytes.contains(UInt8(ascii: "\t")), "\(fixture.name)")
            #expect(!bytes.contains { $0 < 0x20 }, "\(fixture.name)")
        }
    }

    @Test("parsing canonical output and serializing it again gives the same bytes")
    func fixedPoint() throws {
        for fixture in canonicalFixtures {
            let bytes = try fixture.value.canonicalBytes()
            let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
            #expect(try parsed.canonicalBytes() == bytes, "\(fixture.name)")
        }
    }
}
