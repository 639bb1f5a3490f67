public import Basics

/// A YAML value that has been checked against its `Shape`: units parsed, environment
/// references substituted, defaults not yet applied (`ShapedObject`'s accessors apply them).
public struct ShapedValue: Sendable {
    public enum Content: Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        /// Seconds.
        case duration(Double)
        /// Bytes.
        case size(Int)
        /// Percent, 0 to 100.
        case percentage(Double)
        case solves(SolveRule)
        case list([ShapedValue])
        case object(ShapedObject)
        case map([ShapedEntry])
        /// A value that was written but failed its check (already reported): its key still
        /// counts as present, so names stay declared and no follow-on errors arise.
        case invalid
    }

    public var content: Content
    public var range: SourceRange

    public init(_ content: Content, at range: SourceRange) {
        self.content = content
        self.range = range
    }

    public var string: Located<String>? {
        if case .string(let text) = content { Located(text, at: range) } else { nil }
    }
    public var integer: Located<Int>? {
        if case .integer(let value) = content { Located(value, at: range) } else { nil }
    }
    public var number: Located<Double>? {
        switch content {
        case .number(let value): Located(value, at: range)
        case .integer(let value): Located(Double(value), at: range)
        default: nil
        }
    }
    public var bool: Located<Bool>? {
        if case .bool(let value) = content { Located(value, at: range) } else { nil }
    }
    public var object: ShapedObject? {
        if case .object(let object) = content { object } else { nil }
    }
    public var list: [ShapedValue]? {
        if case .list(let items) = content { items } else { nil }
    }
    public var entries: [ShapedEntry]? {
        if case .map(let entries) = content { entries } else { nil }
    }

    public var isInvalid: Bool {
        if case .invalid = content { true } else { false }
    }
}

/// One user-named entry of a map (`models.writer`), with the location of its name.
public struct ShapedEntry: Sendable {
    public var name: Located<String>
    public var value: ShapedValue
}

/// A checked mapping with a fixed set of keys; accessors fall back to the shape's defaults.
public struct ShapedObject: Sendable {
    public var shape: ObjectShape
    public var range: SourceRange
    /// The keys present, in the order written.
    public var entries: [ShapedEntry]

    public init(shape: ObjectShape, range: SourceRange, entries: [ShapedEntry] = []) {
        self.shape = shape
        self.range = range
        self.entries = entries
    }

    public func has(_ key: String) -> Bool { value(key) != nil }

    /// The object at `key`, or an empty one (all defaults) located at this mapping.
    public func objectOrEmpty(_ key: String, shape: ObjectShape) -> ShapedObject {
        object(key) ?? ShapedObject(shape: shape, range: range)
    }

    /// The value written for `key`, without defaults.
    public func value(_ key: String) -> ShapedValue? {
        entries.first { $0.name.value == key }?.value
    }

    /// The keys that are not among the shape's fields (budget tool names).
    public var additionalEntries: [ShapedEntry] {
        entries.filter { shape.field($0.name.value) == nil }
    }

    /// The value of `key`, or its default located at this mapping.
    private func valueOrDefault(_ key: String) -> ShapedValue? {
        if let value = value(key), !value.isInvalid { return value }
        guard let field = shape.field(key) else {
            preconditionFailure("'\(key)' is not a field of \(shape.name)")
        }
        guard let defaultValue = field.defaultValue else { return nil }
        let content: ShapedValue.Content? =
            switch (defaultValue, field.shape) {
            case (.string(let text), .duration): Units.duration(text).map { .duration($0) }
            case (.string(let text), .size): Units.size(text).map { .size($0) }
            case (.string(let text), .percentage): Units.percentage(text).map { .percentage($0) }
            case (.string(let text), .solves): SolveRule(text).map { .solves($0) }
            case (.integer(let value), .solves): .solves(SolveRule(.equal, value))
            case (.string(let text), _): .string(text)
            case (.integer(let value), _): .integer(value)
            case (.number(let value), _): .number(value)
            case (.bool(let value), _): .bool(value)
            case (.array(let items), _):
                .list(items.map { ShapedValue(.string($0.stringValue ?? ""), at: range) })
            default: nil
            }
        return content.map { ShapedValue($0, at: range) }
    }

    public func string(_ key: String) -> Located<String>? { valueOrDefault(key)?.string }
    public func integer(_ key: String) -> Located<Int>? { valueOrDefault(key)?.integer }
    public func number(_ key: String) -> Located<Double>? { valueOrDefault(key)?.number }
    public func bool(_ key: String) -> Located<Bool>? { valueOrDefault(key)?.bool }
    public func object(_ key: String) -> ShapedObject? { valueOrDefault(key)?.object }
    public func list(_ key: String) -> [ShapedValue]? { valueOrDefault(key)?.list }
    public func entries(_ key: String) -> [ShapedEntry]? { valueOrDefault(key)?.entries }

    public func duration(_ key: String) -> Located<Double>? {
        guard let value = valueOrDefault(key), case .duration(let seconds) = value.content else {
            return nil
        }
        return Located(seconds, at: value.range)
    }

    public func size(_ key: String) -> Located<Int>? {
        guard let value = valueOrDefault(key), case .size(let bytes) = value.content else {
            return nil
        }
        return Located(bytes, at: value.range)
    }

    public func percentage(_ key: String) -> Located<Double>? {
        guard let value = valueOrDefault(key), case .percentage(let percent) = value.content else {
            return nil
        }
        return Located(percent, at: value.range)
    }

    public func solves(_ key: String) -> Located<SolveRule>? {
        guard let value = valueOrDefault(key), case .solves(let rule) = value.content else {
            return nil
        }
        return Located(rule, at: value.range)
    }
}
