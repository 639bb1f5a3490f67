import Basics
import Foundation
import LanguageModels

/// The text protocol for models without native function calling: tools are listed in the
/// system message, the model writes `<tool_call>{"name": …, "arguments": {…}}</tool_call>`,
/// results come back as `<tool_response>…</tool_response>`, and the final reply has no calls
/// (optionally inside `<answer>…</answer>`).
enum TagProtocol {
    /// The system message offering `definitions`.
    static func instructions(_ definitions: [JSONValue]) -> String {
        let lines = definitions.map { (try? $0.canonicalString()) ?? "{}" }
        return """
            You can call tools. To call one, write on its own line:
            <tool_call>{"name": "TOOL NAME", "arguments": {…}}</tool_call>
            Each result comes back inside <tool_response>…</tool_response>. When you are done, \
            reply without any tool call.
            <tools>
            \(lines.joined(separator: "\n"))
            </tools>
            """
    }

    /// The calls written in `text`, with `arguments` as the JSON text the model wrote, and the
    /// text before the first call.
    static func calls(
        in text: String
    ) -> (prose: String, calls: [(name: String, arguments: String)]) {
        guard let first = text.range(of: "<tool_call>") else { return (text, []) }
        var calls: [(name: String, arguments: String)] = []
        var rest = text[first.lowerBound...]
        while let open = rest.range(of: "<tool_call>") {
            let body = rest[open.upperBound...]
            let close = body.range(of: "</tool_call>")
            let json = String(close.map { body[..<$0.lowerBound] } ?? body).trimmingWhitespace()
            if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
                let name = value["name"]?.stringValue
            {
                let arguments = value["arguments"] ?? [:]
                let written: String
                if case .string(let inner) = arguments {
                    written = inner
                } else {
                    written = (try? arguments.canonicalString()) ?? "{}"
                }
                calls.append((name, written))
            } else {
                // A call whose JSON does not parse: its name if it can be found, and the broken
                // text as arguments, so the tool answers with an error the model can act on.
                calls.append((Self.name(in: json) ?? "unknown", json))
            }
            guard let close else { break }
            rest = body[close.upperBound...]
        }
        return (String(text[..<first.lowerBound]).trimmingWhitespace(), calls)
    }

    /// The final answer of `text`: inside `<answer>` tags when there are some.
    static func answer(in text: String) -> String {
        guard let open = text.range(of: "<answer>") else { return text }
        let rest = text[open.upperBound...]
        let close = rest.range(of: "</answer>")
        return String(close.map { rest[..<$0.lowerBound] } ?? rest).trimmingWhitespace()
    }

    /// The user message returning `results` to the model.
    static func responses(_ results: [String]) -> String {
        results.map { "<tool_response>\n\($0)\n</tool_response>" }.joined(separator: "\n")
    }

    private static func name(in json: String) -> String? {
        guard let key = json.range(of: "\"name\"") else { return nil }
        let rest = json[key.upperBound...].drop { $0 == " " || $0 == ":" }
        guard rest.first == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != "\"" })
    }
}
