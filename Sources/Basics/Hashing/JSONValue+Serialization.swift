/// Why a value cannot be written as JSON.
public struct JSONSerializationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
}

extension JSONValue {
    /// Canonical JSON: keys sorted by UTF-16 code units, no insignificant whitespace, numbers in
    /// the ECMAScript shortest round-trip form, strings escaped minimally (RFC 8785, JCS).
    ///
    /// This is the one function every key in `frontier` is hashed from; its output is pinned by
    /// golden tests. Non-finite numbers cannot be represented and throw.
    ///
    /// One deliberate departure from RFC 8785: `.integer` values are written exactly, also beyond
    /// ±2^53, where the RFC would round them through a double. Rounding would give `Int.max` and
    /// `Int.max - 1` the same key.
    public func canonicalBytes() throws(JSONSerializationError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        try write(to: &out, indent: nil, depth: 0)
        return out
    }

    /// Canonical JSON as a string.
    public func canonicalString() throws(JSONSerializationError) -> String {
        String(decoding: try canonicalBytes(), as: UTF8.self)
    }

    /// Sorted keys and the canonical number form, indented by two spaces for people to read;
    /// ends with a newline.
    public func prettyString() throws(JSONSerializationError) -> String {
        var out = [UInt8]()
        try write(to: &out, indent: 2, depth: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private func write(
        to out: inout [UInt8], indent: Int?, depth: Int
    ) throws(JSONSerializationError) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .number(let value):
            guard value.isFinite else {
                throw JSONSerializationError(description: "\(value) is not a finite number")
            }
            out.append(contentsOf: CanonicalNumber.format(value).utf8)
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent: indent, depth: depth + 1)
                try element.write(to: &out, indent: indent, depth: depth + 1)
            }
            if !elements.isEmpty { Self.newline(&out, indent: indent, depth: depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted(by: Self.precedesInUTF16)
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent: indent, depth: depth + 1)
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                try members[key]!.write(to: &out, indent: indent, depth: depth + 1)
            }
            if !members.isEmpty { Self.newline(&out, indent: indent, depth: depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], indent: Int?, depth: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * depth))
    }

    /// Whether `a` sorts before `b` by UTF-16 code units, as RFC 8785 orders keys. UTF-8 byte
    /// order is the same except between characters from U+E000 up and those beyond U+FFFF
    /// (their UTF-8 lead bytes are 0xEE and above), so only keys holding those pay for UTF-16.
    static func precedesInUTF16(_ a: String, _ b: String) -> Bool {
        if a.utf8.contains(where: { $0 >= 0xEE }) || b.utf8.contains(where: { $0 >= 0xEE }) {
            return a.utf16.lexicographicallyPrecedes(b.utf16)
        }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
        }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0c: out.append(contentsOf: "\\f".utf8)
            case 0x0a: out.append(contentsOf: "\\n".utf8)
            case 0x0d: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The ECMAScript `Number.prototype.toString` form of a double, as RFC 8785 requires.
enum CanonicalNumber {
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value < 0 { return "-" + format(-value) }
        // Swift's description is the shortest representation that round-trips; take its digits
        // and decimal exponent, then lay them out by the ECMAScript rules.
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...])!
        }
        var digits: [Character] = []
        var pointPosition: Int? = nil
        for character in mantissa {
            if character == "." { pointPosition = digits.count } else { digits.append(character) }
        }
        var n = (pointPosition ?? digits.count) + exponent
        while digits.first == "0" {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let all = String(digits)
        if k <= n && n <= 21 {
            return all + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return String(digits[..<n]) + "." + String(digits[n...])
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + all
        }
        let sign = n - 1 < 0 ? "-" : "+"
        let rest = k > 1 ? "." + String(digits[1...]) : ""
        return String(digits[0]) + rest + "e" + sign + String(abs(n - 1))
    }
}
