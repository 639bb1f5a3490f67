public import Basics

/// A node of a YAML document with the exact span it was written at.
///
/// Scalars keep their text and style; resolution to null, bool, int, float or string follows
/// the YAML 1.2 core schema (`resolved`), so `yes`, `on` and `NO` stay strings.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var range: SourceRange
    /// An explicit tag such as `!!str`, in its short form; nil when the node had none.
    public var tag: String?

    public init(_ content: Content, at range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    /// The key-value pairs, when this is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { pairs } else { nil }
    }

    /// The items, when this is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { items } else { nil }
    }

    /// The scalar, when this is a scalar.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { scalar } else { nil }
    }

    /// The value of `key`, when this is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar?.text == key }?.value
    }

    /// What a user would call this node in a message: "a mapping", "a string", "an integer".
    public var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: resolved.kindDescription
        }
    }

    /// The core-schema value of a scalar node (a string for explicitly `!!str`-tagged ones).
    public var resolved: YAMLValue {
        guard case .scalar(let scalar) = content else { return .string("") }
        if tag == "!!str" { return .string(scalar.text) }
        return scalar.resolved
    }
}

/// One `key: value` entry of a mapping; the key keeps its own location.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text (keys are always scalars).
    public var name: String { key.scalar?.text ?? "" }
}

/// The text of a scalar as written, and how it was quoted.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Resolved by the YAML 1.2 core schema; only plain scalars can be anything but strings.
    public var resolved: YAMLValue {
        style == .plain ? CoreSchema.resolve(text) : .string(text)
    }
}

/// A scalar's value under the YAML 1.2 core schema.
public enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)

    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .float: "a number"
        case .string: "a string"
        }
    }
}
