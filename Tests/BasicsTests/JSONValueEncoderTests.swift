import Basics
import Foundation
import Testing

private enum Role: String, Codable, Sendable {
    case system, user
}

private enum Priority: Int, Codable, Sendable {
    case low = 1
    case high = 10
}

private struct Sampling: Codable, Sendable {
    var temperature: Double
    var topP: Double?
    var stop: [String]
    var seed: Int?
}

private struct Message: Codable, Sendable {
    var role: Role
    var content: String
}

private struct CallKey: Codable, Sendable {
    var model: String
    var revision: String?
    var messages: [Message]
    var sampling: Sampling
    var priority: Priority
    var headers: [String: Int]
    var prompt: Digest
    var sample: Int
    var streaming: Bool
}

private let promptDigest = Digest(of: "prompt template v1")

private let fixedKey = CallKey(
    model: "gpt-4o",
    revision: nil,
    messages: [
        Message(role: .system, content: "Be terse."),
        Message(role: .user, content: "Say \"hi\"."),
    ],
    sampling: Sampling(temperature: 0.7, topP: nil, stop: ["\n\n", "END"], seed: 42),
    priority: .high,
    headers: ["x-b": 2, "x-a": 1],
    prompt: promptDigest,
    sample: 0,
    streaming: false
)

private struct Widths: Encodable {
    var i8: Int8 = -8
    var i16: Int16 = -16
    var i32: Int32 = -32
    var i64: Int64 = .min
    var u8: UInt8 = 255
    var u16: UInt16 = 65535
    var u32: UInt32 = .max
    var u64: UInt64 = UInt64(Int.max)
    var uint: UInt = 7
    var list: [UInt8] = [1, 2]
    var float: Float = 0.5
}

private struct KeyV1: Encodable {
    var model: String
}

private struct KeyV2: Encodable {
    var model: String
    var revision: String?
    var options: Sampling?
}

private struct Empty: Encodable {}

@Suite("JSONValueEncoder")
struct JSONValueEncoderTests {
    @Test("a struct with nested structs, arrays, enums, a dictionary and a digest encodes fully")
    func nestedStruct() throws {
        let value = try JSONValueEncoder().encode(fixedKey)
        let expected: JSONValue = [
            "model": "gpt-4o",
            "messages": [
                ["role": "system", "content": "Be terse."],
                ["role": "user", "content": "Say \"hi\"."],
            ],
            "sampling": ["temperature": 0.7, "stop": ["\n\n", "END"], "seed": 42],
            "priority": 10,
            "headers": ["x-a": 1, "x-b": 2],
            "prompt": .string(promptDigest.hex),
            "sample": 0,
            "streaming": false,
        ]
        #expect(value == expected)
    }

    @Test("the canonical JSON and digest of a fixed key struct are pinned")
    func pinnedDigest() throws {
        let json = String(decoding: try JSONValue.canonical(fixedKey), as: UTF8.self)
        let expected =
            #"{"headers":{"x-a":1,"x-b":2},"messages":[{"content":"Be terse.","role":"system"},"#
            + #"{"content":"Say \"hi\".","role":"user"}],"model":"gpt-4o","priority":10,"#
            + #""prompt":"\#(promptDigest.hex)","sample":0,"#
            + #""sampling":{"seed":42,"stop":["\n\n","END"],"temperature":0.7},"streaming":false}"#
        #expect(json == expected)
        #expect(
            promptDigest.hex == "f7cc0450390eaf0bc3c9893dae75bc6c950fba6cd594cbebb43dba7a6a74de5c")
        #expect(
            try Digest(canonical: fixedKey).hex
                == "992c99c87446c5974dfb7deeabc41647603dacaa7798bce117cc50c285152c6a")
    }

    @Test("nil optionals are omitted, so an added optional field left nil keeps the digest")
    func nilOptionalsOmitted() throws {
        let old = try Digest(canonical: KeyV1(model: "m"))
        let new = try Digest(canonical: KeyV2(model: "m", revision: nil, options: nil))
        #expect(new == old)
        #expect(try JSONValueEncoder().encode(KeyV2(model: "m")) == ["model": "m"])
        let withRevision = try Digest(canonical: KeyV2(model: "m", revision: "r1", options: nil))
        #expect(withRevision != old)
    }

    @Test("a present optional is encoded, including a nested struct with its own nil omitted")
    func presentOptional() throws {
        let value = KeyV2(
            model: "m", revision: "",
            options: Sampling(temperature: 0, topP: 0.9, stop: [], seed: nil))
        let expected: JSONValue = [
            "model": "m", "revision": "",
            "options": ["temperature": 0.0, "topP": 0.9, "stop": []],
        ]
        #expect(try JSONValueEncoder().encode(value) == expected)
    }

    @Test("every field is a key component: changing any one changes the digest")
    func everyFieldMatters() throws {
        let base = try Digest(canonical: fixedKey)
        var variants: [CallKey] = []
        var key = fixedKey
        key.model = "gpt-4o-mini"
        variants.append(key)
        key = fixedKey
        key.revision = "2024-08-06"
        variants.append(key)
        key = fixedKey
        key.messages[1].content = "Say \"hi\"!"
        variants.append(key)
        key = fixedKey
        key.messages[0].role = .user
        variants.append(key)
        key = fixedKey
        key.sampling.temperature = 0.8
        variants.append(key)
        key = fixedKey
        key.sampling.seed = nil
        variants.append(key)
        key = fixedKey
        key.sampling.stop = ["END", "\n\n"]
        variants.append(key)
        key = fixedKey
        key.priority = .low
        variants.append(key)
        key = fixedKey
        key.headers["x-c"] = 3
        variants.append(key)
        key = fixedKey
        key.prompt = Digest(of: "prompt template v2")
        variants.append(key)
        key = fixedKey
        key.sample = 1
        variants.append(key)
        key = fixedKey
        key.streaming = true
        variants.append(key)
        let digests = try variants.map { try Digest(canonical: $0) }
        #expect(Set(digests).count == variants.count)
        #expect(!digests.contains(base))
    }

    @Test("enums with raw values encode as their raw value")
    func rawValueEnums() throws {
        #expect(try JSONValueEncoder().encode(Role.user) == "user")
        #expect(try JSONValueEncoder().encode(Priority.low) == 1)
        #expect(try JSONValueEncoder().encode([Role.system, .user]) == ["system", "user"])
    }

    @Test("dictionaries with string keys encode as objects")
    func dictionaries() throws {
        let value: [String: [String: Bool]] = ["outer": ["b": true, "a": false], "empty": [:]]
        let expected: JSONValue = ["outer": ["a": false, "b": true], "empty": .object([:])]
        #expect(try JSONValueEncoder().encode(value) == expected)
    }

    @Test("a digest encodes as its lowercase hex string")
    func digestAsHex() throws {
        let digest = Digest(of: "abc")
        #expect(try JSONValueEncoder().encode(digest) == .string(digest.hex))
        #expect(try JSONValueEncoder().encode(["d": digest]) == ["d": .string(digest.hex)])
    }

    @Test("a located value encodes only its value, so where it was written never enters a key")
    func locatedEncodesValue() throws {
        let here = SourceRange(
            start: SourceLocation(file: "a.yaml", line: 3, column: 5),
            end: SourceLocation(file: "a.yaml", line: 3, column: 11))
        let there = SourceRange(at: SourceLocation(file: "b.yaml", line: 90, column: 1))
        #expect(try JSONValueEncoder().encode(Located("gpt-4o", at: here)) == "gpt-4o")
        #expect(try JSONValueEncoder().encode(["m": Located(7, at: here)]) == ["m": 7])
        #expect(
            try Digest(canonical: [Located("x", at: here)])
                == Digest(canonical: [Located("x", at: there)]))
        #expect(try Digest(canonical: Located("x", at: here)) == Digest(canonical: "x"))
    }

    @Test("integers of other widths encode as integers, a float as its double")
    func integerWidths() throws {
        let expected: JSONValue = [
            "i8": -8, "i16": -16, "i32": -32, "i64": .integer(Int.min), "u8": 255, "u16": 65535,
            "u32": 4_294_967_295, "u64": .integer(Int.max), "uint": 7, "list": [1, 2], "float": 0.5,
        ]
        #expect(try JSONValueEncoder().encode(Widths()) == expected)
        #expect(try JSONValueEncoder().encode(Int8(-1)) == -1)
        #expect(try JSONValueEncoder().encode([UInt32(3), 4]) == [3, 4])
    }

    @Test("an unsigned integer beyond Int.max throws instead of wrapping")
    func unsignedOverflowThrows() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(UInt64.max) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["n": UInt64.max]) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([UInt(Int.max) + 1]) }
    }

    @Test("top-level scalars, arrays and empty structs encode as themselves")
    func topLevel() throws {
        let encoder = JSONValueEncoder()
        #expect(try encoder.encode("s") == "s")
        #expect(try encoder.encode(true) == true)
        #expect(try encoder.encode(3) == 3)
        #expect(try encoder.encode(2.5) == 2.5)
        #expect(try encoder.encode([1, 2]) == [1, 2])
        #expect(try encoder.encode([[Int]]()) == [])
        #expect(try encoder.encode(Empty()) == .object([:]))
        #expect(try encoder.encode([String?.none, "x"]) == [nil, "x"])
    }

    @Test("a JSONValue inside an Encodable passes through unchanged")
    func jsonValuePassThrough() throws {
        let inner: JSONValue = ["schema": ["type": "object"], "n": 1.5]
        #expect(try JSONValueEncoder().encode(["tool": inner]) == ["tool": inner])
    }

    @Test("encoding matches JSONEncoder with sorted keys for plain values")
    func agreesWithJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let viaFoundation = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(fixedKey))
        #expect(
            try viaFoundation.canonicalString()
                == JSONValueEncoder().encode(fixedKey).canonicalString())
    }
}
