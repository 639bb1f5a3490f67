import Basics
internal import Foundation

extension DatasetDiff {
    /// The entries of a plain JSONL dataset: one JSON object per line (blank lines skipped),
    /// keyed by the field `key` (a string or an integer), with `discipline` and `bucket` taken
    /// from fields of those names when they are strings. Throws a `JSONLError` naming the line
    /// of the first line that is not an object, lacks the key, or repeats one.
    public static func entries(
        ofJSONL bytes: some Collection<UInt8>, output: String, key: String
    ) throws -> [RecordEntry] {
        try JSONLDataset.reading(bytes, output: output, key: key).entries
    }

    /// Diffs two JSONL files fully: their entries (one output, `output`), and the field
    /// changes of every changed record, whose bodies are read again by id (only those are kept
    /// parsed). Changed records are grouped by `cause`, or without one by the top-level fields
    /// that changed (`answer, messages`). Throws a `JSONLError` naming the file and line.
    public static func compareJSONL(
        old oldPath: String, new newPath: String, key: String, output: String = "records",
        cause: Cause? = nil
    ) throws -> DiffReport {
        let oldBytes = try JSONLDataset.contents(of: oldPath)
        let newBytes = try JSONLDataset.contents(of: newPath)
        let old = try JSONLDataset.reading(oldBytes, output: output, key: key, file: oldPath)
        let new = try JSONLDataset.reading(newBytes, output: output, key: key, file: newPath)
        let result = compare(old: old.entries, new: new.entries)
        var fields: [DiffReport.RecordKey: [FieldChange]] = [:]
        var topLevel: [String: String] = [:]
        for change in result.changed {
            guard let before = old.body(of: change.id, in: oldBytes),
                let after = new.body(of: change.id, in: newBytes)
            else { continue }
            let changes = FieldChange.between(before, after)
            fields[DiffReport.RecordKey(output: change.output, id: change.id)] = changes
            topLevel[change.id] = Self.topLevelFields(changes).joined(separator: ", ")
        }
        let byFields: Cause = { _, new in topLevel[new?.id ?? ""] ?? "" }
        return DiffReport(result, cause: cause ?? byFields, fields: fields)
    }

    /// The distinct top-level field names of `changes`, in order.
    private static func topLevelFields(_ changes: [FieldChange]) -> [String] {
        var names: [String] = []
        for change in changes {
            let path = change.path
            let name: String
            if path.hasPrefix("[\"") {
                let quoted = path.prefix(through: path.firstIndex(of: "]") ?? path.endIndex)
                name = String(quoted.dropFirst().dropLast())
            } else {
                name = String(path.prefix(while: { $0 != "." && $0 != "[" }))
            }
            if names.last != name && !names.contains(name) { names.append(name) }
        }
        return names
    }
}

/// A parsed JSONL dataset: its entries and, for each, the byte range of its line.
struct JSONLDataset {
    var entries: [RecordEntry] = []
    var lines: [Range<Int>] = []
    /// The entry of each key, and its line number.
    var index: [String: (entry: Int, line: Int)] = [:]

    /// The parsed body of the record keyed `id`.
    func body(of id: String, in bytes: [UInt8]) -> JSONValue? {
        guard let entry = index[id]?.entry else { return nil }
        return JSONValue.parse(bytes[lines[entry]])
    }

    static func contents(of path: String) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw JSONLError(file: path, line: nil, problem: .unreadable(reason: "no such file"))
        }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw JSONLError(
                file: path, line: nil, problem: .unreadable(reason: error.localizedDescription))
        }
    }

    static func reading(
        _ bytes: some Collection<UInt8>, output: String, key: String, file: String? = nil
    ) throws(JSONLError) -> JSONLDataset {
        let array = bytes as? [UInt8] ?? Array(bytes)
        var dataset = JSONLDataset()
        var start = 0
        var lineNumber = 0
        while start < array.count {
            lineNumber += 1
            let newline = array[start...].firstIndex(of: UInt8(ascii: "\n")) ?? array.count
            var end = newline
            if end > start && array[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = newline + 1 }
            let line = array[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            func failure(_ problem: JSONLError.Problem) -> JSONLError {
                JSONLError(file: file, line: lineNumber, problem: problem)
            }
            guard let value = JSONValue.parse(line) else { throw failure(.invalidJSON) }
            guard case .object(let members) = value else {
                throw failure(.notObject(found: kind(of: value)))
            }
            guard let keyValue = members[key] else { throw failure(.missingKey(key)) }
            let id: String
            switch keyValue {
            case .string(let text): id = text
            case .integer(let number): id = String(number)
            default: throw failure(.invalidKey(key, found: kind(of: keyValue)))
            }
            if let first = dataset.index[id] {
                throw failure(.repeatedKey(key, value: id, firstLine: first.line))
            }
            let canonical = (try? value.canonicalBytes()) ?? Array(line)
            dataset.index[id] = (dataset.entries.count, lineNumber)
            dataset.lines.append(start..<end)
            dataset.entries.append(
                RecordEntry(
                    output: output, id: id, discipline: members["discipline"]?.stringValue,
                    bucket: members["bucket"]?.stringValue, digest: Digest(of: canonical)))
        }
        return dataset
    }

    /// `an array`, `a string`, … for messages.
    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
