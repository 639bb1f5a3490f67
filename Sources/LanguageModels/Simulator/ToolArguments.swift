internal import Basics
internal import Foundation

/// Arguments for a simulated tool call, read off the tool's JSON Schema: every required
/// property (or every property, when none is required) gets a value fitting its type and name.
/// Without a schema: `query` for search, `id` for browse, `code` for python.
enum ToolArguments {
    static func make(
        for tool: AgentSession.Tool, question: String, callIndex: Int, results: String
    ) -> JSONValue {
        let context = Context(question: question, callIndex: callIndex, results: results)
        guard let properties = tool.parameters?["properties"],
            case .object(let members) = properties,
            !members.isEmpty
        else {
            switch tool.kind {
            case .search: return ["query": .string(context.query)]
            case .browse: return ["id": .string(context.documentID)]
            case .python: return ["code": .string(context.code)]
            case .other: return [:]
            }
        }
        var names = members.keys.sorted()
        if case .array(let required)? = tool.parameters?["required"] {
            let requiredNames = required.compactMap(\.stringValue).filter { members[$0] != nil }
            if !requiredNames.isEmpty { names = requiredNames }
        }
        var arguments: [String: JSONValue] = [:]
        for name in names {
            arguments[name] = value(
                for: name, schema: members[name] ?? [:], kind: tool.kind, context)
        }
        return .object(arguments)
    }

    private struct Context {
        var question: String
        var callIndex: Int
        var results: String

        var query: String {
            let words = TextScanning.keywords(
                SimulatedItem.body(of: question), count: 3 + callIndex % 2)
            return words.isEmpty ? "overview" : words.joined(separator: " ")
        }

        /// The first id the newest tool result mentions (`"id": "…"`, `id: …`, `id=…`), else
        /// `1`.
        var documentID: String {
            var best: (position: String.Index, id: Substring)?
            for marker in ["\"id\":\"", "\"id\": \"", "id: ", "id=\"", "id="] {
                guard let found = results.range(of: marker) else { continue }
                let id = results[found.upperBound...].prefix {
                    !$0.isWhitespace && $0 != "\"" && $0 != "," && $0 != "}" && $0 != "]"
                }
                if !id.isEmpty && (best == nil || found.lowerBound < best!.position) {
                    best = (found.lowerBound, id)
                }
            }
            return best.map { String($0.id) } ?? "1"
        }

        var code: String {
            let value = Quantity(SimulatedItem.body(of: question))?.value ?? 1
            return "value = \(value)\nprint(round(value, 4))"
        }
    }

    private static func value(
        for name: String, schema: JSONValue, kind: AgentSession.Tool.Kind, _ context: Context
    ) -> JSONValue {
        if case .array(let choices)? = schema["enum"], let first = choices.first { return first }
        let lower = name.lowercased()
        let type = schema["type"]?.stringValue ?? "string"
        switch type {
        case "integer", "number":
            if ["k", "limit", "top", "count", "max"].contains(where: lower.contains) { return 5 }
            if ["start", "offset", "page", "line"].contains(where: lower.contains) { return 0 }
            return 1
        case "boolean":
            return false
        case "array":
            let item = value(for: name, schema: schema["items"] ?? [:], kind: kind, context)
            return [item]
        case "object":
            return [:]
        default:
            if ["code", "program", "script", "source"].contains(where: lower.contains) {
                return .string(context.code)
            }
            if lower == "id" || lower.hasSuffix("id") || lower.hasSuffix("_id")
                || ["url", "path", "doc", "chunk"].contains(where: lower.contains)
            {
                return .string(context.documentID)
            }
            if ["goal", "purpose", "reason"].contains(where: lower.contains) {
                return .string("find the figures the question turns on")
            }
            return .string(kind == .python ? context.code : context.query)
        }
    }
}
