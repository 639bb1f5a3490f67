import Basics
internal import Foundation

/// One documented key of the language: its path from the top (`models.<role>.temperature`).
public struct LanguageKey: Sendable, Hashable {
    public var path: String
    public var field: Field

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.path == rhs.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }
}

extension ObjectShape {
    /// Every key of the language, depth first in declaration order.
    public func languageKeys(prefix: String = "") -> [LanguageKey] {
        var keys: [LanguageKey] = []
        for field in fields {
            let path = prefix.isEmpty ? field.name : prefix + "." + field.name
            keys.append(LanguageKey(path: path, field: field))
            keys += Self.nestedKeys(field.shape, prefix: path)
        }
        if let additional {
            let path = (prefix.isEmpty ? "" : prefix + ".") + "<tool>"
            keys.append(
                LanguageKey(
                    path: path,
                    field: Field(
                        "<tool>", additional, "Calls allowed to the tool of that name.",
                        example: "search: 3")))
        }
        return keys
    }

    private static func nestedKeys(_ shape: Shape, prefix: String) -> [LanguageKey] {
        switch shape {
        case .object(let object): object.languageKeys(prefix: prefix)
        case .map(let value, let description):
            nestedKeys(
                value, prefix: "\(prefix).<\(description.replacingOccurrences(of: " ", with: "-"))>"
            )
        case .list(let element, _): nestedKeys(element, prefix: prefix + "[]")
        case .scalarOrObject(_, let object): object.languageKeys(prefix: prefix)
        default: []
        }
    }

    /// The key reference of `grammar/README.md`: a table of the top level, then a table per
    /// section for the keys inside it.
    public func referenceMarkdown() -> String {
        let header =
            "| key | type | required | default | meaning | example |\n|---|---|---|---|---|---|\n"
        var out = "### Top level\n\n" + header
        for field in fields {
            out += Self.row(LanguageKey(path: field.name, field: field)) + "\n"
        }
        for field in fields {
            let nested = Self.nestedKeys(field.shape, prefix: field.name)
            guard !nested.isEmpty else { continue }
            out += "\n### `\(field.name)`\n\n\(field.description)\n\n" + header
            for key in nested { out += Self.row(key) + "\n" }
        }
        return out + "\n"
    }

    private static func row(_ key: LanguageKey) -> String {
        let field = key.field
        let defaultText: String
        if let value = field.defaultValue {
            let json = (try? value.canonicalString()) ?? ""
            defaultText = "`\(json.hasPrefix("\"") ? String(json.dropFirst().dropLast()) : json)`"
        } else {
            defaultText = ""
        }
        let example =
            field.example.map {
                "`"
                    + $0.replacingOccurrences(of: "\n", with: " ⏎ ").replacingOccurrences(
                        of: "|", with: "\\|") + "`"
            } ?? ""
        let cells = [
            "`\(key.path)`", field.shape.summary, field.isRequired ? "yes" : "no", defaultText,
            field.description.replacingOccurrences(of: "|", with: "\\|"), example,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
