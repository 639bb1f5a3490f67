import Foundation

/// A value for the tiny Mustache renderer below.
indirect enum TemplateValue {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
}

/// The built-in prompt templates of `Recipes`, read from the source tree and rendered by a
/// minimal Mustache subset (variables, sections over lists and flags, `{{.}}`, standalone
/// section lines), without HTML escaping. Tests render the real templates, so a change of their
/// wording that the simulator no longer recognises fails here.
enum PromptFixture {
    static func template(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Recipes/Prompts/\(name).mustache")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing template \(name)"
    }

    static func render(_ name: String, _ context: [String: TemplateValue]) -> String {
        render(standalone(template(name)), [.object(context)])
    }

    /// Removes the lines that hold only a section tag, as Mustache does.
    private static func standalone(_ template: String) -> String {
        var out = ""
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let isSectionTag =
                trimmed.hasPrefix("{{#") || trimmed.hasPrefix("{{/") || trimmed.hasPrefix("{{^")
            if isSectionTag && trimmed.hasSuffix("}}")
                && trimmed.components(separatedBy: "{{").count == 2
            {
                out += trimmed
            } else {
                out += line + "\n"
            }
        }
        return String(out.dropLast())
    }

    private static func lookup(_ name: String, _ stack: [TemplateValue]) -> TemplateValue? {
        if name == "." { return stack.last }
        for frame in stack.reversed() {
            if case .object(let members) = frame, let value = members[name] { return value }
        }
        return nil
    }

    private static func render(_ template: String, _ stack: [TemplateValue]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let tag = String(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            if tag.hasPrefix("#") {
                let name = String(tag.dropFirst())
                guard let end = rest.range(of: "{{/\(name)}}") else { break }
                let inner = String(rest[..<end.lowerBound])
                rest = rest[end.upperBound...]
                switch lookup(name, stack) {
                case .list(let items)?:
                    for item in items { out += render(inner, stack + [item]) }
                case .flag(true)?, .text?, .object?:
                    out += render(inner, stack)
                default:
                    break
                }
            } else {
                switch lookup(tag, stack) {
                case .text(let text)?: out += text
                case .flag(let flag)?: out += flag ? "true" : "false"
                default: break
                }
            }
        }
        return out + rest
    }
}
