import Basics
import Foundation
import Testing

@Suite("Canonical JSON rules")
struct CanonicalJSONTests {
    @Test("keys sort by UTF-16 code units, not by scalar")
    func utf16KeyOrder() throws {
        // By scalar U+FFFF < U+10000, but in UTF-16 U+10000 is D800 DC00, which precedes FFFF.
        #expect("\u{FFFF}" < "\u{10000}")
        let value: JSONValue = ["\u{FFFF}": 1, "\u{10000}": 2]
        #expect(try value.canonicalString() == "{\"\u{10000}\":2,\"\u{FFFF}\":1}")
    }

    @Test("the RFC 8785 sorting example comes out in the RFC's order")
    func rfcSortingExample() throws {
        let value: JSONValue = [
            "\u{20AC}": 1, "\r": 2, "\u{FB33}": 3, "1": 4, "\u{1F600}": 5, "\u{80}": 6, "\u{F6}": 7,
        ]
        let expected =
            "{\"\\r\":2,\"1\":4,\"\u{80}\":6,\"\u{F6}\":7,"
            + "\"\u{20AC}\":1,\"\u{1F600}\":5,\"\u{FB33}\":3}"
        #expect(try value.canonicalString() == expected)
    }

    @Test("keys sort by code unit: empty first, uppercase before lowercase, prefix before longer")
    func asciiKeyOrder() throws {
        let value: JSONValue = ["b": 1, "aa": 2, "a": 3, "B": 4, "": 5]
        #expect(try value.canonicalString() == #"{"":5,"B":4,"a":3,"aa":2,"b":1}"#)
    }

    @Test("nested objects are sorted at every depth")
    func nestedSorting() throws {
        let value: JSONValue = ["z": ["b": ["d": 1, "c": 2], "a": [["y": 0, "x": 0]]], "a": nil]
        #expect(
            try value.canonicalString()
                == #"{"a":null,"z":{"a":[{"x":0,"y":0}],"b":{"c":2,"d":1}}}"#)
    }

    @Test(
        "numbers use the ECMAScript form",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-1.0, "-1"), (1.5, "1.5"), (-1.5, "-1.5"),
            (123.456, "123.456"), (1e20, "100000000000000000000"), (1e21, "1e+21"),
            (1.5e21, "1.5e+21"), (0.000001, "0.000001"), (0.0000015, "0.0000015"), (1e-7, "1e-7"),
            (1.25e-7, "1.25e-7"), (.leastNonzeroMagnitude, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (9_007_199_254_740_992, "9007199254740992"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (1e30, "1e+30"), (4.50, "4.5"), (2e-3, "0.002"), (1e-27, "1e-27"),
            (333_333_333.333_333_29, "333333333.3333333"), (100, "100"), (0.5, "0.5"),
        ] as [(Double, String)])
    func numberForm(value: Double, expected: String) throws {
        #expect(try JSONValue.number(value).canonicalString() == expected)
    }

    @Test("an integer and the integral double of the same value serialize identically")
    func integerAndDoubleAgree() throws {
        for value in [0, 1, -1, 42, 1_000_000, 9_007_199_254_740_992] {
            let integer = try JSONValue.integer(value).canonicalString()
            #expect(integer == String(value))
            #expect(try JSONValue.number(Double(value)).canonicalString() == integer)
        }
    }

    @Test("integers are written in full, without exponent")
    func integerForm() throws {
        #expect(try JSONValue.integer(Int.min).canonicalString() == "-9223372036854775808")
        #expect(try JSONValue.integer(Int.max).canonicalString() == "9223372036854775807")
        #expect(try JSONValue.integer(-7).canonicalString() == "-7")
    }

    @Test("strings escape only quote, backslash and control characters")
    func minimalEscaping() throws {
        let value = JSONValue.string("q\" b\\ s/ del\u{7F} é 😀 \u{2028}\u{2029}")
        let expected = "\"q\\\" b\\\\ s/ del\u{7F} é 😀 \u{2028}\u{2029}\""
        #expect(try value.canonicalString() == expected)
    }

    @Test("control characters use the two-letter escapes where JSON has them")
    func shortEscapes() throws {
        let value = JSONValue.string("\u{08}\u{0C}\n\r\t")
        #expect(try value.canonicalString() == #""\b\f\n\r\t""#)
    }

    @Test("other control characters use lowercase \\u00xx escapes")
    func unicodeEscapes() throws {
        let value = JSONValue.string("\u{00}\u{01}\u{0B}\u{0E}\u{1A}\u{1F}")
        #expect(try value.canonicalString() == #""\u0000\u0001\u000b\u000e\u001a\u001f""#)
    }

    @Test("non-ASCII text is written as raw UTF-8")
    func rawUTF8() throws {
        let bytes = try JSONValue.string("é😀").canonicalBytes()
        #expect(bytes == [0x22, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0x22])
    }

    @Test("keys are escaped like strings")
    func keyEscaping() throws {
        let value: JSONValue = ["a\"b": 1, "\t": 2]
        #expect(try value.canonicalString() == #"{"\t":2,"a\"b":1}"#)
    }

    @Test(
        "non-finite numbers throw, wherever they are",
        arguments: [Double.nan, .infinity, -.infinity, .signalingNaN])
    func nonFiniteThrows(value: Double) {
        #expect(throws: JSONSerializationError.self) {
            try JSONValue.number(value).canonicalBytes()
        }
        #expect(throws: JSONSerializationError.self) {
            try JSONValue.array([1, .number(value)]).canonicalString()
        }
        #expect(throws: JSONSerializationError.self) {
            try JSONValue.object(["a": ["b": .number(value)]]).canonicalBytes()
        }
        #expect(throws: JSONSerializationError.self) { try JSONValue.number(value).prettyString() }
    }

    @Test("there is no insignificant whitespace")
    func noWhitespace() throws {
        let value: JSONValue = ["list": [1, "two words", ["k": false]], "empty": [:], "none": []]
        #expect(
            try value.canonicalString()
                == #"{"empty":{},"list":[1,"two words",{"k":false}],"none":[]}"#)
    }

    @Test("the insertion order of object keys does not change the bytes")
    func insertionOrder() throws {
        let pairs: [(String, JSONValue)] = [
            ("delta", 4), ("alpha", 1), ("echo", [5]), ("charlie", 3), ("bravo", 2),
        ]
        let expected = #"{"alpha":1,"bravo":2,"charlie":3,"delta":4,"echo":[5]}"#
        // Every rotation and its reverse, into dictionaries of different capacities, so that the
        // dictionaries' own iteration orders differ.
        for shift in 0..<pairs.count {
            let rotated = Array(pairs[shift...] + pairs[..<shift])
            for order in [rotated, rotated.reversed()] {
                for capacity in [0, 8, 64] {
                    var members = [String: JSONValue](minimumCapacity: capacity)
                    for (key, value) in order { members[key] = value }
                    #expect(try JSONValue.object(members).canonicalString() == expected)
                }
            }
        }
    }

    @Test("canonicalString is canonicalBytes decoded as UTF-8")
    func stringMatchesBytes() throws {
        let value: JSONValue = ["ü": ["x", 1.5, nil]]
        #expect(try Array(value.canonicalString().utf8) == value.canonicalBytes())
    }

    @Test("prettyString sorts keys, indents by two spaces and ends with a newline")
    func prettyString() throws {
        let value: JSONValue = ["b": [1, ["d": true, "c": nil]], "a": "x", "e": [:], "f": []]
        let expected = """
            {
              "a": "x",
              "b": [
                1,
                {
                  "c": null,
                  "d": true
                }
              ],
              "e": {},
              "f": []
            }

            """
        #expect(try value.prettyString() == expected)
    }

    @Test("prettyString uses the canonical number and string forms")
    func prettyForms() throws {
        #expect(try JSONValue.number(1e21).prettyString() == "1e+21\n")
        #expect(try JSONValue.number(-0.0).prettyString() == "0\n")
        #expect(try JSONValue.string("a\nb").prettyString() == "\"a\\nb\"\n")
        #expect(try JSONValue.array([]).prettyString() == "[]\n")
    }

    @Test("JSONValue decodes from JSON text and serializes canonically")
    func decodeThenCanonicalize() throws {
        let text =
            #"{ "b" : 1.50, "a" : [ true, null, 2, "x\u0041" ], "c": {"e": -0.0, "d": 1E3} }"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            try value.canonicalString() == #"{"a":[true,null,2,"xA"],"b":1.5,"c":{"d":1000,"e":0}}"#
        )
    }

    @Test("JSONValue round-trips through JSONEncoder and JSONDecoder")
    func codableRoundTrip() throws {
        let value: JSONValue = [
            "s": "t", "i": 3, "n": 2.5, "b": false, "z": nil, "a": [1, ["k": "v"]],
        ]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test("subscript, stringValue and doubleValue read the matching cases only")
    func accessors() {
        let value: JSONValue = ["name": "x", "count": 3, "ratio": 0.5]
        #expect(value["name"]?.stringValue == "x")
        #expect(value["count"]?.doubleValue == 3)
        #expect(value["ratio"]?.doubleValue == 0.5)
        #expect(value["missing"] == nil)
        #expect(value["count"]?.stringValue == nil)
        #expect(value["name"]?.doubleValue == nil)
        #expect(JSONValue.array(["x"])["name"] == nil)
    }
}
