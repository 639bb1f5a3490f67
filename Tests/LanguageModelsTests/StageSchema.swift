import Basics
import Foundation

/// What each stage asks for, checked strictly: the shapes the engine will parse.
enum StageSchema {
    static func object(_ text: String) -> [String: JSONValue]? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
            case .object(let members) = value
        else { return nil }
        return members
    }

    static func isSeed(_ text: String) -> Bool {
        guard let object = object(text) else { return false }
        return ["question", "answer", "explanation"].allSatisfy {
            !(object[$0]?.stringValue ?? "").isEmpty
        }
    }

    static func isEscalation(_ text: String) -> Bool {
        guard isSeed(text), let object = object(text),
            case .array(let dimensions)? = object["dimensions"], !dimensions.isEmpty,
            case .array(let tools)? = object["tools_used"]
        else { return false }
        return (dimensions + tools).allSatisfy { $0.stringValue != nil }
    }

    static func isVerdict(_ text: String) -> Bool {
        guard let object = object(text), case .bool? = object["correct"] else { return false }
        return object["extracted"]?.stringValue != nil && object["reason"]?.stringValue != nil
    }

    /// The text after `Answer:` on the last line; nil when the last line is not one.
    static func finalAnswer(_ text: String) -> String? {
        guard let last = text.split(separator: "\n").last, last.hasPrefix("Answer: ") else {
            return nil
        }
        return String(last.dropFirst("Answer: ".count))
    }
}
