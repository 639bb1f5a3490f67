public import Basics

extension DiagnosticID {
    public static let typeMismatch: Self = "type-mismatch"
    public static let unknownKey: Self = "unknown-key"
    public static let missingKey: Self = "missing-key"
    public static let outOfRange: Self = "out-of-range"
    public static let invalidValue: Self = "invalid-value"
    public static let conflictingKeys: Self = "conflicting-keys"
    public static let invalidDuration: Self = "invalid-duration"
    public static let invalidSize: Self = "invalid-size"
    public static let invalidPercentage: Self = "invalid-percentage"
    public static let invalidSolves: Self = "invalid-solves"
    public static let emptyList: Self = "empty-list"
    public static let undefinedEnvironmentVariable: Self = "undefined-environment-variable"
    public static let literalSecret: Self = "literal-secret"
}

/// Checks a YAML tree against a `Shape`, reporting every problem it finds and returning what
/// could be checked: a value is nil only where its own node was unusable.
public struct ShapeValidator {
    /// The environment that `${env:NAME}` references read; passed in, never read here.
    public var environment: [String: String]
    public internal(set) var diagnostics: [Diagnostic] = []

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public mutating func validate(_ node: YAMLNode, as shape: Shape, path: String) -> ShapedValue? {
        switch shape {
        case .object(let object):
            return validateObject(node, object, path: path).map {
                .init(.object($0), at: node.range)
            }
        case .map(let valueShape, _):
            guard let pairs = expectMapping(node, path: path) else { return nil }
            let entries = pairs.map { pair in
                let value =
                    validate(pair.value, as: valueShape, path: path + "." + pair.name)
                    ?? ShapedValue(.invalid, at: pair.value.range)
                return ShapedEntry(name: Located(pair.name, at: pair.key.range), value: value)
            }
            return ShapedValue(.map(entries), at: node.range)
        case .list(let element, let minCount):
            guard let items = node.items else {
                mismatch(node, expected: "a list", path: path)
                return nil
            }
            if items.count < minCount {
                report(.emptyList, "'\(path)' needs at least \(minCount) item(s)", at: node.range)
            }
            let values = items.enumerated().compactMap { index, item in
                validate(item, as: element, path: "\(path)[\(index)]")
            }
            return ShapedValue(.list(values), at: node.range)
        case .scalarOrObject(let scalar, let object):
            if node.pairs != nil { return validate(node, as: .object(object), path: path) }
            return validate(node, as: scalar, path: path)
        default:
            return validateScalar(node, as: shape, path: path)
        }
    }

    private mutating func validateObject(
        _ node: YAMLNode, _ shape: ObjectShape, path: String
    ) -> ShapedObject? {
        guard let pairs = expectMapping(node, path: path) else { return nil }
        var entries: [ShapedEntry] = []
        for pair in pairs {
            let name = pair.name
            let childPath = path.isEmpty ? name : path + "." + name
            let fieldShape: Shape
            if let field = shape.field(name) {
                fieldShape = field.shape
            } else if let additional = shape.additional {
                fieldShape = additional
            } else {
                reportUnknownKey(pair, in: shape, path: path)
                continue
            }
            let value =
                validate(pair.value, as: fieldShape, path: childPath)
                ?? ShapedValue(.invalid, at: pair.value.range)
            entries.append(ShapedEntry(name: Located(name, at: pair.key.range), value: value))
        }
        let present = Set(pairs.map(\.name))
        for field in shape.fields where field.isRequired && !present.contains(field.name) {
            let owner = path.isEmpty ? "the recipe" : "'\(path)'"
            report(.missingKey, "\(owner) is missing required key '\(field.name)'", at: node.range)
        }
        for group in shape.exactlyOneOf {
            let written = pairs.filter { group.contains($0.name) }
            let owner = path.isEmpty ? "the recipe" : "'\(path)'"
            let names = group.map { "'\($0)'" }.joined(separator: " or ")
            if written.isEmpty {
                report(.missingKey, "\(owner) needs one of \(names)", at: node.range)
            } else if written.count > 1 {
                report(
                    .conflictingKeys,
                    "'\(written[1].name)' cannot be used together with '\(written[0].name)'",
                    at: written[1].key.range,
                    notes: [.init("'\(written[0].name)' is set here", at: written[0].key.range)])
            }
        }
        return ShapedObject(shape: shape, range: node.range, entries: entries)
    }

    private mutating func reportUnknownKey(_ pair: YAMLPair, in shape: ObjectShape, path: String) {
        let names = shape.fields.map(\.name)
        var notes: [Diagnostic.Note] = []
        if let match = closestMatch(to: pair.name, among: names) {
            notes.append(.init("did you mean '\(match)'?"))
        } else {
            notes.append(.init("expected one of: \(names.joined(separator: ", "))"))
        }
        let owner = path.isEmpty ? "at the top level" : "in '\(path)'"
        report(.unknownKey, "unknown key '\(pair.name)' \(owner)", at: pair.key.range, notes: notes)
    }

    private mutating func expectMapping(_ node: YAMLNode, path: String) -> [YAMLPair]? {
        if let pairs = node.pairs { return pairs }
        mismatch(node, expected: "a mapping", path: path)
        return nil
    }

    private mutating func validateScalar(
        _ node: YAMLNode, as shape: Shape, path: String
    ) -> ShapedValue? {
        guard node.scalar != nil else {
            mismatch(node, expected: shape.expectedDescription, path: path)
            return nil
        }
        let range = node.range
        let resolved = node.resolved
        switch (shape, resolved) {
        case (.string(let kind), .string(let text)):
            guard let substituted = substitute(text, node: node) else { return nil }
            if kind == .secret, !Self.isEnvironmentReference(text), !text.isEmpty {
                diagnostics.append(
                    .warning(
                        .literalSecret, "'\(path)' is written literally in the recipe", at: range,
                        notes: [.init("write it as '${env:NAME}' and set NAME in the environment")])
                )
            }
            return ShapedValue(.string(substituted), at: range)
        case (.integer(let bounds), .integer(let value)):
            guard
                check(
                    Double(value), in: Double(bounds.lowerBound)...Double(bounds.upperBound),
                    path: path, written: String(value), at: range)
            else { return nil }
            return ShapedValue(.integer(value), at: range)
        case (.number(let bounds), .integer(let value)):
            guard check(Double(value), in: bounds, path: path, written: String(value), at: range)
            else { return nil }
            return ShapedValue(.number(Double(value)), at: range)
        case (.number(let bounds), .float(let value)):
            guard value.isFinite else {
                mismatch(node, expected: "a finite number", path: path)
                return nil
            }
            guard check(value, in: bounds, path: path, written: node.scalar!.text, at: range)
            else { return nil }
            return ShapedValue(.number(value), at: range)
        case (.boolean, .bool(let value)):
            return ShapedValue(.bool(value), at: range)
        case (.duration(let bounds), .string(let text)):
            guard let seconds = Units.duration(text) else {
                return invalid(
                    .invalidDuration, text, "a duration such as '30s', '2m' or '1h'", path, range)
            }
            guard
                check(
                    seconds, in: bounds, path: path, written: text, at: range,
                    describe: Units.describeDuration)
            else { return nil }
            return ShapedValue(.duration(seconds), at: range)
        case (.size(let bounds), .string(let text)):
            guard let bytes = Units.size(text) else {
                return invalid(.invalidSize, text, "a size such as '512MB' or '2GiB'", path, range)
            }
            guard
                check(
                    Double(bytes), in: Double(bounds.lowerBound)...Double(bounds.upperBound),
                    path: path, written: text, at: range, describe: { ByteCount.describe(Int($0)) })
            else { return nil }
            return ShapedValue(.size(bytes), at: range)
        case (.percentage, .string(let text)):
            guard let percent = Units.percentage(text) else {
                return invalid(.invalidPercentage, text, "a percentage such as '40%'", path, range)
            }
            guard
                check(
                    percent, in: 0...100, path: path, written: text, at: range,
                    describe: { "\($0.formatted)%" })
            else { return nil }
            return ShapedValue(.percentage(percent), at: range)
        case (.solves, .integer(let count)):
            guard check(Double(count), in: 0...1e15, path: path, written: String(count), at: range)
            else { return nil }
            return ShapedValue(.solves(SolveRule(.equal, count)), at: range)
        case (.solves, .string(let text)):
            guard let rule = SolveRule(text) else {
                return invalid(
                    .invalidSolves, text, "a count such as 3 or a comparison such as '>=1'", path,
                    range)
            }
            return ShapedValue(.solves(rule), at: range)
        case (.choice(let words), .string(let text)):
            guard words.contains(text) else {
                var notes: [Diagnostic.Note] = []
                if let match = closestMatch(to: text, among: words) {
                    notes.append(.init("did you mean '\(match)'?"))
                }
                notes.append(.init("expected one of: \(words.joined(separator: ", "))"))
                report(
                    .invalidValue, "'\(text)' is not a valid value for '\(path)'", at: range,
                    notes: notes)
                return nil
            }
            return ShapedValue(.string(text), at: range)
        case (.reference, .string(let text)):
            return ShapedValue(.string(text), at: range)
        default:
            mismatch(node, expected: shape.expectedDescription, path: path)
            return nil
        }
    }

    private mutating func invalid(
        _ id: DiagnosticID, _ text: String, _ expected: String, _ path: String, _ range: SourceRange
    ) -> ShapedValue? {
        report(id, "'\(text)' is not valid for '\(path)'; expected \(expected)", at: range)
        return nil
    }

    private mutating func check(
        _ value: Double, in bounds: ClosedRange<Double>, path: String, written: String,
        at range: SourceRange, describe: (Double) -> String = { $0.formatted }
    ) -> Bool {
        if bounds.contains(value) { return true }
        let expected: String
        if bounds.lowerBound == bounds.upperBound {
            expected = describe(bounds.lowerBound)
        } else if value < bounds.lowerBound && bounds.upperBound >= 1e15 {
            expected = "at least \(describe(bounds.lowerBound))"
        } else {
            expected = "from \(describe(bounds.lowerBound)) to \(describe(bounds.upperBound))"
        }
        report(
            .outOfRange, "'\(path)' is \(written), out of range; expected \(expected)", at: range)
        return false
    }

    private mutating func mismatch(_ node: YAMLNode, expected: String, path: String) {
        var found = node.kindDescription
        if let scalar = node.scalar, node.resolved != .null { found += " ('\(scalar.text)')" }
        var notes: [Diagnostic.Note] = []
        if let scalar = node.scalar, expected.contains("boolean"),
            ["yes", "no", "on", "off", "y", "n"].contains(scalar.text.lowercased())
        {
            notes.append(.init("YAML 1.2 reads '\(scalar.text)' as a string; write true or false"))
        }
        if let text = node.scalar?.text, text.contains("${env:") {
            notes.append(.init("environment references are substituted in strings only"))
        }
        report(
            .typeMismatch, "found \(found) for '\(path)'; expected \(expected)", at: node.range,
            notes: notes)
    }

    private mutating func report(
        _ id: DiagnosticID, _ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(id, message, at: range, notes: notes))
    }
}

extension Double {
    /// `2`, `0.5`, `1e-06` without a trailing `.0`.
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

extension Shape {
    /// The phrase used after "expected" in messages.
    var expectedDescription: String {
        switch self {
        case .string, .reference, .choice: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean (true or false)"
        case .duration: "a duration such as '30s'"
        case .size: "a size such as '512MB'"
        case .percentage: "a percentage such as '40%'"
        case .solves: "a count or a comparison such as '>=1'"
        case .object, .map: "a mapping"
        case .list: "a list"
        case .scalarOrObject(let scalar, _): "\(scalar.expectedDescription) or a mapping"
        }
    }
}
