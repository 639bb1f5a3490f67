public import Basics

/// The shape of a value in the recipe language.
///
/// One description serves three readers: the validator that turns YAML into checked values,
/// the JSON Schema that editors use, and the test that keeps `grammar/README.md` complete. So
/// the language cannot say one thing in the code and another in its documentation.
public indirect enum Shape: Sendable {
    /// A string; `${env:NAME}` references inside it are substituted.
    case string(StringKind)
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    case boolean
    /// `10s`, `2m`, `1h`, `250ms`; the range is in seconds.
    case duration(ClosedRange<Double>)
    /// `512MB`, `2GiB`, `800KB`; the range is in bytes.
    case size(ClosedRange<Int>)
    /// `40%`, `12.5%`.
    case percentage
    /// A count of correct attempts: an integer or a comparison such as `">=1"`.
    case solves
    /// One of a fixed set of words.
    case choice([String])
    /// The name of something declared elsewhere in the recipe.
    case reference(ReferenceKind)
    case object(ObjectShape)
    /// A mapping from names the user chooses to values of one shape.
    case map(value: Shape, description: String)
    case list(Shape, minCount: Int)
    /// A scalar form or a mapping form of the same setting (`judge: judge` or
    /// `judge: { model: judge, prompt: … }`); chosen by how the value is written.
    case scalarOrObject(scalar: Shape, object: ObjectShape)

    public enum StringKind: Sendable, Hashable {
        case text, path, glob, url, secret
    }

    public enum ReferenceKind: String, Sendable, Hashable {
        case endpoint, model, tool
    }

    /// What a user would call a value of this shape, for messages and docs.
    public var summary: String {
        switch self {
        case .string(.path): "path"
        case .string(.glob): "glob"
        case .string(.url): "URL"
        case .string(.secret): "string (secret)"
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .duration: "duration"
        case .size: "size"
        case .percentage: "percentage"
        case .solves: "integer or comparison"
        case .choice(let words): words.map { "`\($0)`" }.joined(separator: " \\| ")
        case .reference(let kind): "\(kind.rawValue) name"
        case .object(let object): object.name
        case .map(let value, _): "map of name → \(value.summary)"
        case .list(let element, _): "list of \(element.summary)"
        case .scalarOrObject(let scalar, let object): "\(scalar.summary) or \(object.name)"
        }
    }
}

/// A mapping with a fixed set of keys.
public struct ObjectShape: Sendable {
    /// The name docs use for this kind of mapping (`endpoint`, `model`, `budget`).
    public var name: String
    public var description: String
    public var fields: [Field]
    /// Groups of keys of which exactly one must be present (`simulated` or `base_url`).
    public var exactlyOneOf: [[String]]
    /// Extra keys with user-chosen names, all of one shape (a budget's tool names); nil when
    /// every key must be one of `fields`.
    public var additional: Shape?

    public init(
        _ name: String, _ description: String, fields: [Field], exactlyOneOf: [[String]] = [],
        additional: Shape? = nil
    ) {
        self.name = name
        self.description = description
        self.fields = fields
        self.exactlyOneOf = exactlyOneOf
        self.additional = additional
    }

    public func field(_ name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

/// One key of an `ObjectShape`.
public struct Field: Sendable {
    public var name: String
    public var shape: Shape
    public var isRequired: Bool
    /// The value used when the key is absent, as JSON (for docs, the schema and decoding).
    public var defaultValue: JSONValue?
    public var description: String
    /// A YAML snippet showing the key in use.
    public var example: String?

    public init(
        _ name: String, _ shape: Shape, required: Bool = false,
        default defaultValue: JSONValue? = nil,
        _ description: String, example: String? = nil
    ) {
        self.name = name
        self.shape = shape
        self.isRequired = required
        self.defaultValue = defaultValue
        self.description = description
        self.example = example
    }
}
