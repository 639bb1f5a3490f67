internal import Foundation

/// A number with an optional unit, read from a short answer (`1143 N`, `83.3%`, `-2.5e-3 mol`).
struct Quantity: Hashable {
    var value: Double
    /// What follows the number, trimmed; empty when there is none.
    var unit: String

    /// The first standalone number of `text` and what follows it; nil when there is none.
    /// Thousands separators (`1,143`) are read; a number glued to letters (`CO2`) is not one.
    init?(_ text: String) {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let startsNumber =
                character.isASCII && character.isNumber
                || ((character == "-" || character == "+" || character == ".")
                    && index + 1 < characters.count && characters[index + 1].isASCII
                    && characters[index + 1].isNumber)
            let glued =
                index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
            if startsNumber && !glued {
                if let (value, end) = Self.scanNumber(characters, from: index) {
                    self.value = value
                    self.unit = String(characters[end...])
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                        .trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?)\"'*"))
                        .trimmingCharacters(in: .whitespaces)
                    return
                }
            }
            index += 1
        }
        return nil
    }

    init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// The number to three significant figures (at most six decimals), then the unit.
    var formatted: String {
        let number = Self.format(value)
        if unit.isEmpty { return number }
        return unit == "%" ? number + "%" : number + " " + unit
    }

    static func format(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = min(6, max(0, significant - 1 - magnitude))
        return String(format: "%.\(decimals)f", value)
    }

    /// The unit in a comparable form: lowercased, without spaces, `percent` as `%`.
    var normalizedUnit: String {
        let squeezed = unit.lowercased().filter { !$0.isWhitespace }
        switch squeezed {
        case "percent", "pct", "per cent": return "%"
        default: return squeezed
        }
    }

    private static func scanNumber(_ characters: [Character], from start: Int) -> (Double, Int)? {
        var digits = ""
        var index = start
        if characters[index] == "-" || characters[index] == "+" {
            digits.append(characters[index])
            index += 1
        }
        var seenPoint = false
        while index < characters.count {
            let character = characters[index]
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if character == "," && !seenPoint && index + 3 < characters.count
                && characters[index + 1...index + 3].allSatisfy({ $0.isASCII && $0.isNumber })
                && (index + 4 == characters.count || !(characters[index + 4].isNumber))
            {
                // A thousands separator: skip it.
            } else if character == "." && !seenPoint && index + 1 < characters.count
                && characters[index + 1].isASCII && characters[index + 1].isNumber
            {
                seenPoint = true
                digits.append(character)
            } else {
                break
            }
            index += 1
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var exponent = "e"
            var next = index + 1
            if next < characters.count, characters[next] == "-" || characters[next] == "+" {
                exponent.append(characters[next])
                next += 1
            }
            let exponentStart = next
            while next < characters.count, characters[next].isASCII, characters[next].isNumber {
                exponent.append(characters[next])
                next += 1
            }
            if next > exponentStart && (next == characters.count || !characters[next].isLetter) {
                digits += exponent
                index = next
            }
        }
        guard let value = Double(digits), value.isFinite else { return nil }
        return (value, index)
    }
}
