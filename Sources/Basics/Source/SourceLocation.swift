/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The path as the user named it (relative paths stay relative, for readable messages).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print it.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A span of source text: from `start` up to, but not including, `end`.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at `location`.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    public var file: String { start.file }
    public var description: String { start.description }
}

/// A value together with where the user wrote it, so a later check can point at it.
public struct Located<Value> {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }

    /// The same location around a transformed value.
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Located<Other> {
        Located<Other>(try transform(value), at: range)
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {
    /// Located values compare by value: where a value was written does not change what it means.
    public static func == (lhs: Located, rhs: Located) -> Bool { lhs.value == rhs.value }
}
extension Located: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
extension Located: Encodable where Value: Encodable {
    /// Encodes only the value: locations never enter keys or outputs.
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
