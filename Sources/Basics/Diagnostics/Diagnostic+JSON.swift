extension Diagnostic {
    /// The diagnostic as JSON for tools: severity, id, message, position, and notes.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "severity": .string(severity.rawValue),
            "id": .string(id.rawValue),
            "message": .string(message),
            "notes": .array(
                notes.map { note in
                    var members: [String: JSONValue] = ["message": .string(note.message)]
                    if let range = note.range { members.merge(Self.position(range)) { $1 } }
                    return .object(members)
                }),
        ]
        if let range { object.merge(Self.position(range)) { $1 } }
        return .object(object)
    }

    private static func position(_ range: SourceRange) -> [String: JSONValue] {
        [
            "file": .string(range.file),
            "line": .integer(range.start.line),
            "column": .integer(range.start.column),
            "end_line": .integer(range.end.line),
            "end_column": .integer(range.end.column),
        ]
    }
}

extension Array<Diagnostic> {
    /// `{"diagnostics": [...], "errors": N, "warnings": N}`.
    public var jsonReport: JSONValue {
        .object([
            "diagnostics": .array(map(\.json)),
            "errors": .integer(filter { $0.severity == .error }.count),
            "warnings": .integer(filter { $0.severity == .warning }.count),
        ])
    }
}
