internal import Basics
internal import Foundation

/// The arguments of one call, read leniently (a number sent as a string is still a number) and
/// with messages the model can act on when they are wrong.
struct ToolArguments {
    /// Arguments the model got wrong; its message becomes an error result.
    struct Problem: Error {
        let message: String

        var result: ToolResult { .error(message) }
    }

    private let members: [String: JSONValue]

    /// The members of `arguments`, which must be a JSON object.
    init(_ arguments: JSONValue) throws(Problem) {
        guard case .object(let members) = arguments else {
            throw Problem(
                message: "the arguments must be a JSON object, found \(Self.show(arguments))")
        }
        self.members = members
    }

    /// The required string argument `name`; numbers are taken as their text.
    func string(_ name: String) throws(Problem) -> String {
        switch members[name] {
        case .string(let text)?: return text
        case .integer(let value)?: return String(value)
        case nil, .null?:
            throw Problem(message: "missing the required argument '\(name)' (a string)")
        case let other?:
            throw Problem(
                message: "the argument '\(name)' must be a string, found \(Self.show(other))")
        }
    }

    /// The optional argument `name`, a whole number no less than zero; nil when absent.
    func count(_ name: String) throws(Problem) -> Int? {
        switch members[name] {
        case nil, .null?: return nil
        case .integer(let value)? where value >= 0: return value
        case .number(let value)? where value >= 0 && value == value.rounded() && value < 1e15:
            return Int(value)
        case .string(let text)?:
            if let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), value >= 0 {
                return value
            }
        default: break
        }
        throw Problem(
            message: "the argument '\(name)' must be a whole number of at least 0, found "
                + Self.show(members[name] ?? .null))
    }

    /// A short rendering of `value` for messages.
    private static func show(_ value: JSONValue) -> String {
        let text = (try? value.canonicalString()) ?? "a value"
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
