import Basics
import Foundation

/// Reading the one JSON object a stage asks a model for.
///
/// Models wrap objects in prose or code fences, so the object is the text from the first `{` to
/// the last `}`. Required fields must be present: strings non-empty, `correct` a boolean.
enum StructuredReply {
    /// The object in `text`, or a sentence saying what is wrong with it (for the repair request).
    static func parse(_ text: String, required: [String]) -> Result<[String: JSONValue], Problem> {
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"),
            open < close
        else { return .failure(Problem("the reply holds no JSON object")) }
        let slice = text[open...close]
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(slice.utf8))
        } catch {
            return .failure(Problem("the JSON object does not parse (\(Self.reason(error)))"))
        }
        guard case .object(let members) = value else {
            return .failure(Problem("the reply is not a JSON object"))
        }
        for field in required {
            switch members[field] {
            case nil, .null?:
                return .failure(Problem("the field \"\(field)\" is missing"))
            case .string(let text)? where text.trimmingWhitespace().isEmpty:
                return .failure(Problem("the field \"\(field)\" is empty"))
            default:
                continue
            }
        }
        return .success(members)
    }

    /// A reply that cannot be used, and why.
    struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying =
                (context.underlyingError as NSError?)?.userInfo[
                    NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}

extension [String: JSONValue] {
    /// The string field `name`, or "" when it is missing or not a string.
    func text(_ name: String) -> String {
        switch self[name] {
        case .string(let text)?: text
        case .integer(let value)?: String(value)
        case .number(let value)?: String(value)
        case .bool(let value)?: String(value)
        default: ""
        }
    }

    /// The strings of the array field `name`.
    func texts(_ name: String) -> [String] {
        guard case .array(let elements)? = self[name] else { return [] }
        return elements.compactMap(\.stringValue)
    }
}
