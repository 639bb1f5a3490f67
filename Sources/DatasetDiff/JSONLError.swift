/// Why a JSONL dataset cannot be diffed: a line that is not a keyed JSON object, a repeated
/// key, or a file that cannot be read.
public struct JSONLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The line is not valid JSON.
        case invalidJSON
        /// The line is JSON but not an object; the kind found (`array`, `string`, …).
        case notObject(found: String)
        /// The object has no field named by the key.
        case missingKey(String)
        /// The key's value is not a string or an integer; the kind found.
        case invalidKey(String, found: String)
        /// The key's value was already the key of the record on `firstLine`.
        case repeatedKey(String, value: String, firstLine: Int)
        /// The file cannot be read.
        case unreadable(reason: String)
    }

    /// The file, when known.
    public var file: String?
    /// The line (from 1); nil for a file that cannot be read.
    public var line: Int?
    public var problem: Problem

    public init(file: String? = nil, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// A stable id for tests and docs.
    public var id: String {
        switch problem {
        case .invalidJSON: "jsonl-invalid-json"
        case .notObject: "jsonl-not-object"
        case .missingKey: "jsonl-missing-key"
        case .invalidKey: "jsonl-invalid-key"
        case .repeatedKey: "jsonl-repeated-key"
        case .unreadable: "jsonl-unreadable"
        }
    }

    public var message: String {
        switch problem {
        case .invalidJSON:
            "the line is not valid JSON, expected one JSON object per line"
        case .notObject(let found):
            "found \(found), expected a JSON object"
        case .missingKey(let key):
            "the record has no '\(key)' field, expected one to key records by"
        case .invalidKey(let key, let found):
            "'\(key)' is \(found), expected a string or an integer"
        case .repeatedKey(let key, let value, let firstLine):
            "'\(key)' '\(value)' repeats the key of the record on line \(firstLine)"
        case .unreadable(let reason):
            "cannot read the file: \(reason)"
        }
    }

    /// `b.jsonl:4: error: the record has no 'id' field, expected one to key records by
    /// [jsonl-missing-key]`.
    public var description: String {
        let place = [file, line.map { file == nil ? "line \($0)" : "\($0)" }]
            .compactMap { $0 }.joined(separator: ":")
        return (place.isEmpty ? "" : place + ": ") + "error: \(message) [\(id)]"
    }
}
