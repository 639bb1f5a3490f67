import Basics
import Foundation
import Recipes
import TestSupport
import Testing

@Suite("Plan renderings")
struct PlanRenderingTests {
    @Test("the text plan has one line per node with kind, key prefix and status")
    func textLines() throws {
        let plan = try PlannerTests.plan()
        let lines = plan.textRendering().split(separator: "\n").map(String.init)
        for node in plan.nodes {
            let line = try #require(lines.first { $0.hasPrefix(node.id + " ") })
            #expect(line.contains(node.kind.rawValue))
            #expect(line.contains(node.key.prefix()))
            #expect(line.contains("  new  "))
        }
    }

    @Test("the dot plan is accepted by Graphviz when it is installed")
    func dotIsValidGraphviz() throws {
        let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let source = try PlannerTests.plan().dotRendering()
        #expect(source.hasPrefix("digraph plan {"))
        #expect(source.contains("\"seed\" -> \"escalate\";"))
        guard let dot else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try ProcessLaunch.run(process)
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(svg)")
        #expect(svg.contains("<svg"))
    }

    @Test("the mermaid plan declares every node and edge")
    func mermaid() throws {
        let plan = try PlannerTests.plan()
        let text = plan.mermaidRendering()
        #expect(text.hasPrefix("flowchart TD\n"))
        #expect(text.components(separatedBy: " --> ").count - 1 == plan.edges.count)
    }

    @Test("the JSON plan carries each node's full key and key document")
    func json() throws {
        let plan = try PlannerTests.plan()
        let value = plan.jsonValue()
        guard case .array(let nodes) = value["nodes"] else {
            Issue.record("no nodes array")
            return
        }
        #expect(nodes.count == plan.nodes.count)
        #expect(nodes.first?["key"]?.stringValue == plan.nodes.first?.key.hex)
        #expect(nodes.first?["key_document"]?["kind"]?.stringValue == "ingest")
    }
}
