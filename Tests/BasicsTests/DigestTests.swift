import Basics
import Foundation
import Testing

private let emptyHex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
private let abcHex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

private let invalidHexes: [String] = {
    let tail = String(abcHex.dropLast())
    let short = String(abcHex.dropLast(2))
    var texts: [String] = [
        "", tail, abcHex + "0", short, tail + "g", "g" + String(abcHex.dropFirst()),
    ]
    texts += [tail + " ", " " + tail, "0x" + short, short + "\u{E9}", String(abcHex.prefix(32))]
    texts.append(String(repeating: "z", count: 64))
    return texts
}()

private struct Entry: Codable, Equatable {
    var name: String
    var digest: Digest
}

@Suite("Digest")
struct DigestTests {
    @Test("the SHA-256 of the empty string is the known vector")
    func emptyVector() {
        #expect(Digest(of: "").hex == emptyHex)
        #expect(Digest(of: Data()).hex == emptyHex)
    }

    @Test("the SHA-256 of \"abc\" is the known vector")
    func abcVector() {
        #expect(Digest(of: "abc").hex == abcHex)
        #expect(
            Digest(of: [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c")]).hex == abcHex)
        #expect(Digest(of: "abc").bytes.count == 32)
    }

    @Test("the digest of text is the digest of its UTF-8 bytes")
    func textIsUTF8() {
        #expect(Digest(of: "é😀") == Digest(of: Data("é😀".utf8)))
        #expect(Digest(of: "e\u{301}") != Digest(of: "\u{E9}"))
    }

    @Test("hex round-trips, and the hex is 64 lowercase digits")
    func hexRoundTrip() throws {
        let digest = Digest(of: "round trip")
        #expect(digest.hex.count == 64)
        #expect(digest.hex.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(Digest(hex: digest.hex) == digest)
        let parsed = try #require(Digest(hex: abcHex))
        #expect(parsed == Digest(of: "abc"))
        #expect(parsed.hex == abcHex)
    }

    @Test("uppercase hex parses to the same digest and prints back lowercase")
    func uppercaseHex() throws {
        let parsed = try #require(Digest(hex: abcHex.uppercased()))
        #expect(parsed == Digest(of: "abc"))
        #expect(parsed.hex == abcHex)
    }

    @Test("hex of the wrong length or with a non-hex digit is rejected", arguments: invalidHexes)
    func invalidHex(text: String) {
        #expect(Digest(hex: text) == nil)
    }

    @Test("a digest round-trips through JSONEncoder and JSONDecoder as a hex string")
    func codableRoundTrip() throws {
        let entry = Entry(name: "n", digest: Digest(of: "abc"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(entry)
        #expect(String(decoding: data, as: UTF8.self) == #"{"digest":"\#(abcHex)","name":"n"}"#)
        #expect(try JSONDecoder().decode(Entry.self, from: data) == entry)
    }

    @Test("decoding a string that is not a digest throws")
    func decodingInvalidThrows() {
        for text in [#"{"name":"n","digest":"abc"}"#, #"{"name":"n","digest":42}"#] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(Entry.self, from: Data(text.utf8))
            }
        }
    }

    @Test("digests order by their bytes, which is the order of their hex")
    func ordering() throws {
        let low = try #require(Digest(hex: String(repeating: "0", count: 63) + "f"))
        let middle = try #require(Digest(hex: "01" + String(repeating: "0", count: 62)))
        let high = try #require(Digest(hex: "f" + String(repeating: "0", count: 63)))
        #expect(low < middle)
        #expect(middle < high)
        #expect(!(high < low))
        #expect(!(low < low))
        #expect([high, low, middle].sorted() == [low, middle, high])
        let many = (0..<20).map { Digest(of: "item \($0)") }
        #expect(many.sorted().map(\.hex) == many.map(\.hex).sorted())
    }

    @Test("prefix gives the first hex digits, 12 by default")
    func prefix() {
        let digest = Digest(of: "abc")
        #expect(digest.prefix() == "ba7816bf8f01")
        #expect(digest.prefix(4) == "ba78")
        #expect(digest.prefix(0) == "")
        #expect(digest.prefix(100) == abcHex)
    }

    @Test("description is the hex")
    func description() {
        #expect(Digest(of: "abc").description == abcHex)
        #expect("\(Digest(of: ""))" == emptyHex)
    }
}
