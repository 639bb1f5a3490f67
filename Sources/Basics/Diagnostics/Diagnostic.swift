/// A stable identifier of a kind of problem, such as `unknown-key`; tests and docs refer to it.
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A problem in the user's input: a recipe, a corpus, a dataset. Collected, never thrown, so a
/// run reports every problem it can find.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// Supporting information: "did you mean", "first defined here".
    public struct Note: Sendable, Hashable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    public var id: DiagnosticID
    /// Lowercase, no trailing period; user values in quotes.
    public var message: String
    public var range: SourceRange?
    public var notes: [Note]

    public init(
        _ severity: Severity, _ id: DiagnosticID, _ message: String,
        at range: SourceRange?, notes: [Note] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
    }

    public static func error(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, id, message, at: range, notes: notes)
    }

    public static func warning(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, id, message, at: range, notes: notes)
    }
}

extension Sequence<Diagnostic> {
    /// Whether any of these is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// In reading order: by file, line and column; unlocated ones last, in their given order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.range?.start, rhs.element.range?.start) {
            case (let l?, let r?): l != r ? l < r : lhs.offset < rhs.offset
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
