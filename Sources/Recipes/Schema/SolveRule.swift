/// How many correct attempts a solver must reach: `0`, `3`, `">=1"`, `"<=1"`, `">0"`.
public struct SolveRule: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
        case equal = "=="
    }

    public var comparison: Comparison
    public var count: Int

    public init(_ comparison: Comparison, _ count: Int) {
        self.comparison = comparison
        self.count = count
    }

    /// Parses `3`, `==3`, `=3`, `>=1`, `<= 0`, `>0`, `<2`; nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text).trimmingSpaces()
        var comparison = Comparison.equal
        for candidate in [Comparison.atLeast, .atMost, .equal, .greater, .less]
        where rest.hasPrefix(candidate.rawValue) {
            comparison = candidate
            rest = rest.dropFirst(candidate.rawValue.count)
            break
        }
        if comparison == .equal, rest.hasPrefix("=") { rest = rest.dropFirst() }
        rest = rest.trimmingSpaces()
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(rest)
        else { return nil }
        self.init(comparison, count)
    }

    /// Whether `correct` correct attempts satisfy the rule.
    public func isSatisfied(by correct: Int) -> Bool {
        switch comparison {
        case .atLeast: correct >= count
        case .atMost: correct <= count
        case .greater: correct > count
        case .less: correct < count
        case .equal: correct == count
        }
    }

    /// The numbers of correct attempts out of `attempts` that satisfy the rule.
    public func accepted(outOf attempts: Int) -> [Int] {
        (0...max(0, attempts)).filter(isSatisfied)
    }

    /// `3` for equality, otherwise the comparison as written in canonical form (`>=1`).
    public var description: String {
        comparison == .equal ? String(count) : comparison.rawValue + String(count)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rule = SolveRule(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a solves rule")
        }
        self = rule
    }
}
