public import Basics

/// One difference between two bodies of a record: the path of a value and its old and new
/// value (nil where absent).
public struct FieldChange: Sendable, Hashable {
    /// The value's path: `answer`, `messages[2].content`, `meta["a key"]`; `$` for the root.
    public var path: String
    public var old: JSONValue?
    public var new: JSONValue?
    /// For a change inside a chat turn (an array element with a `role`), which turn: `turn 3,
    /// assistant`, counted from 1.
    public var turn: String?

    public init(path: String, old: JSONValue?, new: JSONValue?, turn: String? = nil) {
        self.path = path
        self.old = old
        self.new = new
        self.turn = turn
    }

    /// The paths where `old` and `new` differ, objects key by key (sorted) and arrays element
    /// by element by index; values of different kinds differ as a whole. Integers and numbers
    /// of equal value are equal, as in canonical JSON.
    public static func between(_ old: JSONValue, _ new: JSONValue) -> [FieldChange] {
        var changes: [FieldChange] = []
        collect(old, new, path: "", turn: nil, into: &changes)
        return changes
    }

    private static func collect(
        _ old: JSONValue?, _ new: JSONValue?, path: String, turn: String?,
        into changes: inout [FieldChange]
    ) {
        switch (old, new) {
        case (.object(let before)?, .object(let after)?):
            for key in Set(before.keys).union(after.keys).sorted() {
                collect(
                    before[key], after[key], path: member(key, of: path), turn: turn,
                    into: &changes)
            }
        case (.array(let before)?, .array(let after)?):
            for index in 0..<max(before.count, after.count) {
                // Not `nil`: JSONValue takes nil literals, and would make a missing element `.null`.
                let x = index < before.count ? Optional(before[index]) : Optional<JSONValue>.none
                let y = index < after.count ? Optional(after[index]) : Optional<JSONValue>.none
                let role = (y?["role"] ?? x?["role"])?.stringValue
                collect(
                    x, y, path: path + "[\(index)]",
                    turn: turn ?? role.map { "turn \(index + 1), \($0)" }, into: &changes)
            }
        default:
            guard !equal(old, new) else { return }
            changes.append(
                FieldChange(path: path.isEmpty ? "$" : path, old: old, new: new, turn: turn))
        }
    }

    private static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (.integer(let x)?, .integer(let y)?): return x == y
        case (.integer?, .number?), (.number?, .integer?): return a?.doubleValue == b?.doubleValue
        default: return a == b
        }
    }

    /// `path.key`, or `path["key"]` when the key is not an identifier.
    private static func member(_ key: String, of path: String) -> String {
        let identifier =
            !key.isEmpty && key.utf8.first.map({ !(48...57).contains($0) }) == true
            && key.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
        if identifier { return path.isEmpty ? key : path + "." + key }
        let quoted = (try? JSONValue.string(key).canonicalString()) ?? "\"\(key)\""
        return path + "[" + quoted + "]"
    }
}
