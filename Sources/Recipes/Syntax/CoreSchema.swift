/// Scalar resolution by the YAML 1.2 core schema (not YAML 1.1): `yes`, `no`, `on`, `off`, `y`
/// and `n` are strings; `012` is the decimal integer 12; `0o14` is octal and `0xC` hexadecimal.
enum CoreSchema {
    static func resolve(_ text: String) -> YAMLValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let utf8 = Array(text.utf8)
        guard let first = utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || isDigit(first)
        else { return .string(text) }
        if let integer = integer(utf8) { return .integer(integer) }
        if isFloat(utf8), let value = Double(text) { return .float(value) }
        return .string(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; nil when not of that form or out of range.
    private static func integer(_ utf8: [UInt8]) -> Int? {
        let text = String(decoding: utf8, as: UTF8.self)
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            if utf8[1] == UInt8(ascii: "o") { return Int(text.dropFirst(2), radix: 8) }
            if utf8[1] == UInt8(ascii: "x") { return Int(text.dropFirst(2), radix: 16) }
        }
        var digits = utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text, radix: 10)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ utf8: [UInt8]) -> Bool {
        var index = 0
        func peek() -> UInt8? { index < utf8.count ? utf8[index] : nil }
        func digits() -> Int {
            let start = index
            while let byte = peek(), isDigit(byte) { index += 1 }
            return index - start
        }
        if let sign = peek(), sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { index += 1 }
        let whole = digits()
        if peek() == UInt8(ascii: ".") {
            index += 1
            let fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                index += 1
            }
            if digits() == 0 { return false }
        }
        return index == utf8.count
    }
}
