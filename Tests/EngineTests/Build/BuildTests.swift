import Basics
import Engine
import Foundation
import LanguageModels
import TestSupport
import Testing

@Suite("frontier build, end to end on the simulator")
struct BuildTests {
    @Test("the quick start writes sft, cpt and review records that trainers accept")
    func quickStartRecords() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe()
            let summary = try await workspace.build()
            #expect(summary.units == 24)
            let sft = try workspace.records("sft")
            #expect(!sft.isEmpty)
            for record in sft {
                let problems = SFTStructure.problems(record)
                #expect(problems.isEmpty, "\(record["id"]?.stringValue ?? "?"): \(problems)")
            }
            let cpt = try workspace.records("cpt")
            #expect(!cpt.isEmpty)
            for record in cpt + (try workspace.records("review")) {
                #expect(SFTStructure.fieldProblems(record).isEmpty, "\(record)")
            }
            for name in ["sft", "cpt", "review"] {
                let ids = try workspace.records(name).map { $0["id"]?.stringValue ?? "" }
                #expect(ids == ids.sorted(), "\(name) is sorted by id")
                #expect(Set(ids).count == ids.count, "\(name) ids are unique")
            }
            #expect(summary.records["sft"] == sft.count)
        }
    }

    @Test("a second build of an unchanged recipe sends nothing, runs no tool and is up to date")
    func secondBuildIsUpToDate() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe()
            let first = try await workspace.build(limit: 6)
            #expect(first.progress.callsSent > 0)
            #expect(!first.upToDate)
            let outputs = try ["sft", "cpt", "review"].map(workspace.output)
            let second = try await workspace.build(limit: 6)
            #expect(second.progress.callsSent == 0)
            #expect(second.progress.toolRuns == 0)
            #expect(second.changedOutputs.isEmpty)
            #expect(second.upToDate)
            #expect(try ["sft", "cpt", "review"].map(workspace.output) == outputs)
        }
    }

    @Test(
        "under stop: peer-fails escalation stops once the peer fails, and the states it solved on the way go to cpt"
    )
    func peerFailsStopsEscalation() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe {
                $0.replacingOccurrences(of: "rounds: 4", with: "rounds: 6")
            }
            let summary = try await workspace.build(limit: 10)
            let rounds = summary.outcomes.map(\.rounds)
            #expect(rounds.contains { $0 < 6 }, "some items stop early: \(rounds)")
            let solvedOnTheWay = try workspace.records("cpt").filter {
                $0["id"]?.stringValue?.contains("/round-") == true
            }
            #expect(!solvedOnTheWay.isEmpty)
            for record in solvedOnTheWay {
                guard case .array(let peer)? = record["verdicts"]?["peer"] else {
                    Issue.record("no peer verdicts in \(record)")
                    continue
                }
                #expect(peer.contains { $0["correct"] == .bool(true) })
                #expect(record["text"]?.stringValue?.hasPrefix("Question: ") == true)
            }
        }
    }

    @Test(
        "with similarity from an embeddings model, units and dedup use its vectors, which are cached"
    )
    func embeddingSimilarity() async throws {
        try await BuildWorkspace.with { workspace in
            let coherence: (String, String) -> String = { text, value in
                text.replacingOccurrences(
                    of: "  judge:  { endpoint: sim,",
                    with:
                        "  embedder: { endpoint: sim, model: sim-embed }\n  judge:  { endpoint: sim,"
                )
                .replacingOccurrences(
                    of: "similarity: lexical", with: "similarity: { model: embedder }"
                )
                .replacingOccurrences(of: "coherence: 0.1\n", with: "coherence: \(value)\n")
            }
            try workspace.writeRecipe { coherence($0, "0.1") }
            let first = try await workspace.build(limit: 4)
            #expect(first.units == 4)
            let embeddings = try #require(first.progress.models.first { $0.role == "embedder" })
            #expect(embeddings.sent > 0)
            #expect(embeddings.cached == 0)
            let second = try await workspace.build(limit: 4)
            #expect(second.upToDate)
            // Nothing changed, so compose and dedup replay and the embedder is not asked.
            #expect(second.progress.models.first { $0.role == "embedder" } == nil)
            // Compose re-runs on a new coherence; every vector comes from the store.
            try workspace.writeRecipe { coherence($0, "0.11") }
            let third = try await workspace.build(limit: 4)
            let replayed = try #require(third.progress.models.first { $0.role == "embedder" })
            #expect(replayed.cached > 0)
            // Known to fail now and then inside the whole suite on a loaded machine (one batch
            // sent, never when the test runs alone); the cause is not found yet.
            withKnownIssue(
                "an embedding batch is sometimes sent after a coherence change under load",
                isIntermittent: true
            ) {
                #expect(replayed.sent == 0)
            }
        }
    }

    @Test(
        "with malformed replies, structured answers are repaired or recorded as failures, and sft stays well-formed"
    )
    func malformedReplies() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe {
                $0.replacingOccurrences(
                    of: "simulated: {}", with: "simulated: { malformed_rate: 0.2 }")
            }
            let summary = try await workspace.build(limit: 12)
            #expect(summary.items == 12)
            for record in try workspace.records("sft") {
                let problems = SFTStructure.problems(record)
                #expect(problems.isEmpty, "\(problems)")
            }
            // Every item is accounted for: in a bucket, and failures are in the review file.
            let failed = summary.outcomes.filter { $0.bucket == .failed }.map(\.id)
            let reviewed = Set(try workspace.records("review").compactMap { $0["id"]?.stringValue })
            #expect(Set(failed).isSubset(of: reviewed))
            // A second build replays the same malformed replies and repairs: nothing is sent.
            let again = try await workspace.build(limit: 12)
            #expect(again.progress.callsSent == 0)
        }
    }

    @Test("an expert on the text-tag protocol yields the same well-formed OpenAI trajectories")
    func tagProtocol() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe {
                $0.replacingOccurrences(
                    of: "model: sim-analyst, max_tokens: 2048 }",
                    with: "model: sim-analyst, max_tokens: 2048, tool_protocol: tags }")
            }
            _ = try await workspace.build()
            let sft = try workspace.records("sft")
            #expect(!sft.isEmpty)
            var toolCalls = 0
            for record in sft {
                #expect(SFTStructure.problems(record).isEmpty, "\(SFTStructure.problems(record))")
                if case .array(let messages)? = record["messages"] {
                    toolCalls += messages.filter { $0["role"] == "tool" }.count
                    #expect(
                        !messages.contains {
                            $0["content"]?.stringValue?.contains("<tool_call>") == true
                        })
                }
            }
            #expect(toolCalls > 0)
        }
    }

    @Test("a prompt override is used, and one that does not parse stops the build naming the file")
    func promptOverride() async throws {
        try await BuildWorkspace.with { workspace in
            _ = try workspace.directory.write(
                "Write one exam question ({{count}} passages, {{discipline}} literature).\n"
                    + "{{#chunks}}<passage id=\"{{id}}\">{{text}}</passage>{{/chunks}}\n"
                    + "Reply with one JSON object: {\"question\", \"answer\", \"explanation\"}",
                to: "prompts/seed.mustache")
            try workspace.writeRecipe {
                $0.replacingOccurrences(
                    of: "  per_unit: 1", with: "  per_unit: 1\n  prompt: prompts/seed.mustache")
            }
            let summary = try await workspace.build(limit: 2)
            #expect(summary.items == 2)
            #expect(summary.outcomes.allSatisfy { $0.question != nil })

            _ = try workspace.directory.write("{{#chunks}} unclosed", to: "prompts/seed.mustache")
            await #expect {
                try await workspace.build(limit: 2)
            } throws: { error in
                "\(error)".contains("prompts/seed.mustache")
                    && "\(error)".contains("not a valid Mustache template")
            }
        }
    }

    @Test("--limit takes only the first units")
    func limit() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe()
            let summary = try await workspace.build(limit: 2)
            #expect(summary.units == 2)
            #expect(summary.items == 2)
        }
    }

    @Test("builds at concurrency 1 and 64 write byte-identical files")
    func concurrencyIndependence() async throws {
        let single = try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe()
            _ = try await workspace.build(concurrency: 1, limit: 8)
            return try ["sft", "cpt", "review"].map(workspace.output)
        }
        let wide = try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe()
            _ = try await workspace.build(concurrency: 64, limit: 8)
            return try ["sft", "cpt", "review"].map(workspace.output)
        }
        #expect(single == wide)
        #expect(!single[0].isEmpty)
    }
}
