public import Basics
internal import Foundation

extension PlanGraph {
    /// One line per node: id, kind, configuration summary, key prefix, status; then the inputs.
    /// `status` gives each node's status by id (`new` until a store exists).
    public func textRendering(status: (PlanNode) -> String = { _ in "new" }) -> String {
        let idWidth = nodes.map(\.id.count).max() ?? 0
        let kindWidth = nodes.map(\.kind.rawValue.count).max() ?? 0
        var lines = ["plan for '\(recipeName)' (recipe \(recipeDigest.prefix()))", ""]
        for node in nodes {
            let id = node.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let kind = node.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0)
            lines.append("\(id)  \(kind)  \(node.key.prefix())  \(status(node))  \(node.summary)")
        }
        lines.append("")
        lines.append("edges:")
        for node in nodes where !node.inputs.isEmpty {
            lines.append("  \(node.inputs.joined(separator: ", ")) → \(node.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Graphviz `dot` source.
    public func dotRendering() -> String {
        var lines = [
            "digraph plan {", "  rankdir=TB;", "  node [shape=box, fontname=\"Helvetica\"];",
        ]
        for node in nodes {
            let label = "\(node.id)\\n\(node.kind.rawValue) \(node.key.prefix(8))"
            lines.append(
                "  \(Self.dotQuote(node.id)) [label=\(Self.dotQuote(label, escapeBackslash: false))];"
            )
        }
        for edge in edges {
            lines.append("  \(Self.dotQuote(edge.from)) -> \(Self.dotQuote(edge.to));")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid flowchart.
    public func mermaidRendering() -> String {
        var names: [String: String] = [:]
        for (index, node) in nodes.enumerated() { names[node.id] = "n\(index)" }
        var lines = ["flowchart TD"]
        for node in nodes {
            let label = "\(node.id)<br/>\(node.kind.rawValue) \(node.key.prefix(8))"
            lines.append(
                "  \(names[node.id]!)[\"\(label.replacingOccurrences(of: "\"", with: "#quot;"))\"]")
        }
        for edge in edges {
            lines.append("  \(names[edge.from]!) --> \(names[edge.to]!)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plan as JSON: every node with its key document, and the edges.
    public func jsonValue(status: (PlanNode) -> String = { _ in "new" }) -> JSONValue {
        [
            "recipe": .string(recipeName),
            "recipe_digest": .string(recipeDigest.hex),
            "nodes": .array(
                nodes.map { node in
                    [
                        "id": .string(node.id), "kind": .string(node.kind.rawValue),
                        "key": .string(node.key.hex), "summary": .string(node.summary),
                        "inputs": .array(node.inputs.map { .string($0) }),
                        "status": .string(status(node)), "key_document": node.keyDocument,
                    ]
                }),
            "edges": .array(edges.map { ["from": .string($0.from), "to": .string($0.to)] }),
        ]
    }

    private static func dotQuote(_ text: String, escapeBackslash: Bool = true) -> String {
        var escaped = text
        if escapeBackslash { escaped = escaped.replacingOccurrences(of: "\\", with: "\\\\") }
        return "\"" + escaped.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
