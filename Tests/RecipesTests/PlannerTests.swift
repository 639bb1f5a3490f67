import Basics
import Foundation
import Recipes
import TestSupport
import Testing

@Suite("The planner")
struct PlannerTests {
    static let root = Fixtures.repositoryRoot(from: #filePath)

    /// Loads quickstart.yaml with `edit` applied to its text, from a copy beside the original
    /// (so its relative corpus paths still resolve), and plans it.
    static func plan(editing edit: (String) -> String = { $0 }) throws -> PlanGraph {
        let original = try String(
            contentsOfFile: root + "/recipes/quickstart.yaml", encoding: .utf8)
        let copy = root + "/recipes/.planner-test-\(UUID().uuidString).yaml"
        try edit(original).write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let loaded = RecipeLoader(environment: [:]).load(copy)
        let recipe = try #require(loaded.recipe)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.message))")
        return try Planner(prompts: PromptCatalog.builtIn()).plan(recipe)
    }

    static func keys(_ plan: PlanGraph) -> [String: Digest] {
        Dictionary(uniqueKeysWithValues: plan.nodes.map { ($0.id, $0.key) })
    }

    static func changed(_ a: PlanGraph, _ b: PlanGraph) -> Set<String> {
        let before = keys(a)
        return Set(b.nodes.filter { before[$0.id] != $0.key }.map(\.id))
    }

    @Test("the quick start plans one node per stage, inputs before the nodes that read them")
    func stagesInTopologicalOrder() throws {
        let plan = try Self.plan()
        let ids = plan.nodes.map(\.id)
        #expect(
            ids == [
                "ingest[0]", "ingest[1]", "ingest[2]", "ingest[3]", "chunk", "compose", "seed",
                "escalate", "calibrate", "dedup", "emit.sft", "emit.cpt", "emit.review",
                "exam.ingest[0]", "exam.chunk", "exam.compose", "exam.seed", "exam.escalate",
                "exam.admit", "exam.dedup", "exam.emit",
            ])
        var seen: Set<String> = []
        for node in plan.nodes {
            #expect(node.inputs.allSatisfy(seen.contains), "\(node.id) reads a later node")
            seen.insert(node.id)
        }
    }

    @Test("planning the same recipe twice gives the same keys")
    func deterministicKeys() throws {
        #expect(Self.keys(try Self.plan()) == Self.keys(try Self.plan()))
    }

    @Test("a node's key is the digest of the canonical JSON of its key document")
    func keyIsDigestOfDocument() throws {
        for node in try Self.plan().nodes {
            #expect(node.key == Digest(of: try node.keyDocument.canonicalBytes()))
        }
    }

    @Test("changing escalation.rounds changes escalate and everything below it, nothing above")
    func roundsChangeDownstreamOnly() throws {
        let before = try Self.plan()
        let after = try Self.plan { $0.replacingOccurrences(of: "rounds: 4", with: "rounds: 5") }
        let expected = before.downstream(of: "escalate").union(
            before.downstream(of: "exam.escalate"))
        #expect(Self.changed(before, after) == expected)
        #expect(expected.contains("emit.sft") && expected.contains("exam.emit"))
        #expect(!expected.contains("seed") && !expected.contains("compose"))
    }

    @Test(
        "changing the judge's model changes calibrate and below, and escalate (peer-fails judges)")
    func judgeModelChange() throws {
        let before = try Self.plan()
        let after = try Self.plan {
            $0.replacingOccurrences(of: "model: sim-judge", with: "model: sim-judge-2")
        }
        let changed = Self.changed(before, after)
        #expect(changed.contains("calibrate") && changed.contains("escalate"))
        #expect(
            !changed.contains("seed") && !changed.contains("compose") && !changed.contains("chunk"))
    }

    @Test("changing difficulty.dedup changes only dedup and what reads it")
    func dedupChange() throws {
        let before = try Self.plan()
        let after = try Self.plan { $0.replacingOccurrences(of: "dedup: 0.7", with: "dedup: 0.8") }
        #expect(
            Self.changed(before, after)
                == ["dedup", "emit.sft", "emit.cpt", "emit.review", "exam.dedup", "exam.emit"])
    }

    @Test("changing an output path changes only that emit node")
    func outputPathChange() throws {
        let before = try Self.plan()
        let after = try Self.plan {
            $0.replacingOccurrences(of: "quickstart/review.jsonl", with: "quickstart/queue.jsonl")
        }
        #expect(Self.changed(before, after) == ["emit.review"])
    }

    @Test("the API key, timeout, concurrency and retries are not in any key")
    func operationalSettingsStayOutOfKeys() throws {
        let recipe = { (settings: String) in
            { (text: String) in
                text.replacingOccurrences(
                    of:
                        "    simulated: {}                 # deterministic ZPD simulator: no network",
                    with: "    simulated: {}\n" + settings)
            }
        }
        let a = try Self.plan(editing: recipe("    max_concurrency: 4\n    timeout: 30s\n"))
        let b = try Self.plan(
            editing: recipe("    max_concurrency: 99\n    timeout: 90s\n    max_attempts: 2\n"))
        #expect(Self.changed(a, b).isEmpty)
    }

    @Test("the simulator's malformed rate is part of every model's identity")
    func simulatorSettingsInKeys() throws {
        let before = try Self.plan()
        let after = try Self.plan {
            $0.replacingOccurrences(of: "simulated: {}", with: "simulated: { malformed_rate: 0.1 }")
        }
        #expect(Self.changed(before, after).contains("seed"))
        #expect(!Self.changed(before, after).contains("chunk"))
    }

    @Test("a prompt override's content digest enters the key of the stage that uses it")
    func promptOverrideDigest() throws {
        let prompt = Self.root + "/recipes/.planner-test-prompt-\(UUID().uuidString).mustache"
        defer { try? FileManager.default.removeItem(atPath: prompt) }
        let name = (prompt as NSString).lastPathComponent
        let withPrompt = { (text: String) in
            text.replacingOccurrences(
                of: "  per_unit: 1\n", with: "  per_unit: 1\n  prompt: \(name)\n")
        }
        try "Write a question about {{discipline}}.".write(
            toFile: prompt, atomically: true, encoding: .utf8)
        let first = try Self.plan(editing: withPrompt)
        try "Write a harder question about {{discipline}}.".write(
            toFile: prompt, atomically: true, encoding: .utf8)
        let second = try Self.plan(editing: withPrompt)
        let changed = Self.changed(first, second)
        #expect(changed.contains("seed") && changed.contains("exam.seed"))
        #expect(!changed.contains("compose"))
    }

    @Test("renaming a model role without changing the model keeps every key")
    func roleNamesAreNotIdentity() throws {
        let before = try Self.plan()
        let after = try Self.plan {
            $0.replacingOccurrences(of: "  judge:  {", with: "  grader: {")
                .replacingOccurrences(of: "  judge: judge\n", with: "  judge: grader\n")
        }
        #expect(Self.changed(before, after).isEmpty)
    }
}
