internal import Crypto
public import Foundation

/// A SHA-256 digest: the address of every blob, call, task and node in `frontier`.
///
/// The 32 bytes are held inline as four big-endian words, so a digest allocates nothing: a
/// version of a million records holds two million of them.
public struct Digest: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    private let w0: UInt64
    private let w1: UInt64
    private let w2: UInt64
    private let w3: UInt64

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return out
    }

    /// The digest of `data`.
    public init(of data: some DataProtocol) {
        self.init(sha256: SHA256.hash(data: data))
    }

    /// The digest of the UTF-8 bytes of `text`.
    public init(of text: String) {
        self.init(of: Data(text.utf8))
    }

    init(sha256: SHA256.Digest) {
        var words: [UInt64] = [0, 0, 0, 0]
        sha256.withUnsafeBytes { raw in
            for (index, byte) in raw.enumerated() {
                words[index / 8] = words[index / 8] << 8 | UInt64(byte)
            }
        }
        (w0, w1, w2, w3) = (words[0], words[1], words[2], words[3])
    }

    /// Parses 64 lowercase or uppercase hexadecimal digits; nil for anything else.
    public init?(hex: String) {
        var hex = hex
        guard let digest = hex.withUTF8({ Digest(hexBytes: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = digest
    }

    /// Parses 64 lowercase or uppercase hexadecimal digits given as UTF-8 bytes; nil for
    /// anything else.
    public init?(hexUTF8 utf8: some Collection<UInt8>) {
        guard utf8.count == 64,
            let digest = Array(utf8).withUnsafeBytes({ Digest(hexBytes: $0) })
        else { return nil }
        self = digest
    }

    /// Parses 64 lowercase or uppercase hexadecimal digits in `raw` (UTF-8); nil for anything
    /// else. The fast path for digests read from a database row in place.
    public init?(hexBytes raw: UnsafeRawBufferPointer) {
        guard raw.count == 64 else { return nil }
        // Sixteen digits a word through a table; any byte that is not a digit sets the high
        // bit of its entry, caught once a word.
        func word(_ start: Int) -> UInt64? {
            var word: UInt64 = 0
            var invalid: UInt8 = 0
            for index in start..<(start + 16) {
                let nibble = Digest.nibbles[Int(raw[index])]
                invalid |= nibble
                word = word << 4 | UInt64(nibble & 0x0f)
            }
            return invalid & 0x80 == 0 ? word : nil
        }
        guard let w0 = word(0), let w1 = word(16), let w2 = word(32), let w3 = word(48) else {
            return nil
        }
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }

    /// The value of each byte as a hexadecimal digit, or 0x80 for a byte that is not one.
    private static let nibbles: [UInt8] = (0...255).map { byte in
        Digest.nibble(UInt8(byte)) ?? 0x80
    }

    /// The 64 lowercase hexadecimal digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for word in [w0, w1, w2, w3] {
                for shift in stride(from: 60, through: 0, by: -4) {
                    buffer[index] = Self.hexDigits[Int(word >> UInt64(shift) & 0x0f)]
                    index += 1
                }
            }
            return 64
        }
    }

    /// The first `length` hexadecimal digits, for display.
    public func prefix(_ length: Int = 12) -> String {
        String(hex.prefix(length))
    }

    public var description: String { hex }

    public static func < (lhs: Digest, rhs: Digest) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2, lhs.w3) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = Digest(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a SHA-256 hex digest")
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A digest computed over bytes given piece by piece, as a long record index is.
public struct DigestHasher: Sendable {
    private var hasher = SHA256()

    public init() {}

    /// Adds `bytes` to what is hashed.
    public mutating func update(_ bytes: some DataProtocol) {
        hasher.update(data: bytes)
    }

    /// Adds the UTF-8 bytes of `text`.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The digest of everything added.
    public func finalize() -> Digest {
        Digest(sha256: hasher.finalize())
    }
}
