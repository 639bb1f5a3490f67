import Basics
import Engine
import Foundation
import LanguageModels
import TestSupport
import Testing

@testable import Store

/// What a rebuild ran: tasks run per stage, and the calls that are new in the store.
private struct Rebuild {
    var summary: BuildSummary
    var newCalls: [CachedCall]
    /// Requests serve-sim received during the rebuild.
    var requests: Int

    func tasksRun(_ stage: String) -> Int {
        summary.progress.stages.first { $0.name == stage }?.tasksRun ?? 0
    }

    func tasksCached(_ stage: String) -> Int {
        summary.progress.stages.first { $0.name == stage }?.tasksCached ?? 0
    }
}

extension BuildWorkspace {
    /// Builds and reports what ran, with the calls the build added to the store.
    fileprivate func rebuild() async throws -> Rebuild {
        let server = try #require(server, "task cache tests count requests at serve-sim")
        let before = try await storedCalls()
        let requestsBefore = server.requestCount
        let summary = try await build()
        let requests = server.requestCount - requestsBefore
        let store = try SQLiteStore(path: storePath, mode: .existing)
        var new: [CachedCall] = []
        for entry in try await store.callEntries() where !before.contains(entry.key) {
            new.append(try #require(try await store.lookup(call: entry.key)))
        }
        // Exact: every request serve-sim answered is one new call in the store.
        #expect(requests == new.count)
        #expect(summary.progress.callsSent == new.count)
        return Rebuild(summary: summary, newCalls: new, requests: requests)
    }

    /// Inode and modification time of each output file.
    fileprivate func fileIdentities() throws -> [String: String] {
        var identities: [String: String] = [:]
        for name in ["sft", "cpt", "review"] {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: directory.file("out/\(name).jsonl"))
            identities[name] =
                "\(attributes[.systemFileNumber] ?? "") \(attributes[.modificationDate] ?? "")"
        }
        return identities
    }
}

@Suite("The task cache: rebuilds run only what changed, and cut off early")
struct TaskCacheTests {
    @Test("a rebuild of an unchanged recipe runs no task, sends nothing and rewrites no file")
    func noOpRebuild() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.writeRecipe()
            _ = try await workspace.build()
            let files = try workspace.fileIdentities()
            let again = try await workspace.rebuild()
            #expect(again.newCalls.isEmpty)
            #expect(again.summary.progress.callsCached == 0, "tasks replay without their calls")
            #expect(again.summary.upToDate)
            #expect(again.summary.changedOutputs.isEmpty)
            for stage in ["compose", "seed", "escalate", "calibrate", "dedup", "emit"] {
                #expect(again.tasksRun(stage) == 0, "\(stage) ran")
                #expect(again.tasksCached(stage) > 0, "\(stage) was not replayed")
            }
            #expect(try workspace.fileIdentities() == files)
        }
    }

    @Test("changing difficulty.dedup sends nothing and re-runs only dedup and emit")
    func dedupChange() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.writeRecipe()
            _ = try await workspace.build()
            try workspace.writeRecipe {
                $0.replacingOccurrences(of: "dedup: 0.7", with: "dedup: 0.2")
            }
            let changed = try await workspace.rebuild()
            #expect(changed.newCalls.isEmpty)
            #expect(changed.summary.progress.toolRuns == 0)
            for stage in ["compose", "seed", "escalate", "calibrate"] {
                #expect(changed.tasksRun(stage) == 0, "\(stage) ran")
            }
            #expect(changed.tasksRun("dedup") == 1)
        }
    }

    @Test("changing the judge model sends only judge calls, each to the new judge")
    func judgeChange() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.writeRecipe()
            _ = try await workspace.build()
            try workspace.writeRecipe {
                $0.replacingOccurrences(of: "model: sim-judge,", with: "model: sim-judge-large,")
            }
            let changed = try await workspace.rebuild()
            #expect(!changed.newCalls.isEmpty)
            #expect(changed.newCalls.allSatisfy { $0.model == "sim-judge-large" })
            #expect(changed.tasksRun("seed") == 0)
        }
    }

    @Test("editing the seed prompt and reverting it: the second rebuild sends nothing")
    func editThenRevert() async throws {
        try await BuildWorkspace.served { workspace in
            let builtIn = try String(
                contentsOfFile: BuildWorkspace.root + "/Sources/Recipes/Prompts/seed.mustache",
                encoding: .utf8)
            _ = try workspace.directory.write(
                builtIn + "\nKeep the question to one sentence.\n", to: "prompts/seed.mustache")
            try workspace.writeRecipe()
            _ = try await workspace.build()
            try workspace.writeRecipe {
                $0.replacingOccurrences(
                    of: "  per_unit: 1", with: "  per_unit: 1\n  prompt: prompts/seed.mustache")
            }
            let edited = try await workspace.rebuild()
            #expect(!edited.newCalls.isEmpty)
            #expect(edited.tasksRun("seed") > 0)
            try workspace.writeRecipe()
            let reverted = try await workspace.rebuild()
            #expect(reverted.newCalls.isEmpty)
            #expect(reverted.tasksRun("seed") == 0)
            #expect(reverted.tasksRun("escalate") == 0)
        }
    }

    @Test("a coherence change that selects the same units re-runs compose and nothing below it")
    func earlyCutoffBelowCompose() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.writeRecipe()
            let first = try await workspace.build()
            try workspace.writeRecipe {
                $0.replacingOccurrences(of: "coherence: 0.1", with: "coherence: 0.1001")
            }
            let changed = try await workspace.rebuild()
            #expect(changed.tasksRun("compose") == 1)
            #expect(
                Set(changed.summary.outcomes.map(\.chunks)) == Set(first.outcomes.map(\.chunks)))
            #expect(changed.newCalls.isEmpty)
            for stage in ["seed", "escalate", "calibrate", "dedup"] {
                #expect(changed.tasksRun(stage) == 0, "\(stage) ran")
            }
        }
    }

    @Test("an output file changed by hand is written again on the next build, sending nothing")
    func tamperedOutput() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.writeRecipe()
            _ = try await workspace.build()
            let original = try workspace.output("sft")
            _ = try workspace.directory.write("{}\n", to: "out/sft.jsonl")
            let again = try await workspace.rebuild()
            #expect(again.requests == 0)
            #expect(try workspace.output("sft") == original)
            #expect(again.tasksCached("seed") > 0, "the tasks were walked, not trusted")
        }
    }

    @Test("a corpus document edited in place is noticed, whatever its size and time")
    func editedDocument() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.copyCorpus()
            try workspace.writeRecipe()
            _ = try await workspace.build()
            let path = workspace.directory.file("corpus/physics/optics.md")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            // One digit swapped for another: same size; the time is set back as it was.
            let edited = text.replacingOccurrences(of: "1", with: "7")
            #expect(edited != text && edited.utf8.count == text.utf8.count)
            try edited.write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes(
                [.modificationDate: attributes[.modificationDate] as Any], ofItemAtPath: path)
            let again = try await workspace.rebuild()
            #expect(!again.summary.upToDate)
            #expect(again.tasksRun("compose") == 1)
        }
    }

    @Test("adding a corpus document sends only the units that include its chunks")
    func addDocument() async throws {
        try await BuildWorkspace.served { workspace in
            try workspace.copyCorpus()
            try workspace.writeRecipe()
            let first = try await workspace.build()
            _ = try workspace.directory.write(
                Fixtures.superconductivity, to: "corpus/physics/superconductivity.md")
            let changed = try await workspace.rebuild()
            #expect(changed.tasksRun("compose") == 1)
            let before = Set(first.outcomes.map(\.id))
            let added = changed.summary.outcomes.filter { !before.contains($0.id) }
            #expect(!added.isEmpty, "the new document joins no unit")
            for outcome in changed.summary.outcomes {
                let touches = outcome.chunks.contains { $0.contains("superconductivity.md#") }
                #expect(touches == !before.contains(outcome.id), "\(outcome.id): \(outcome.chunks)")
            }
            // Every request is for an item that includes the new document's chunks.
            #expect(changed.tasksRun("seed") == added.count)
            #expect(changed.tasksCached("seed") == changed.summary.outcomes.count - added.count)
            #expect(changed.requests > 0)
        }
    }

    @Test("--max-calls 50 stops after 50 requests; the next build completes the same outputs")
    func callBudget() async throws {
        try await BuildWorkspace.served { workspace in
            let uninterrupted = try await workspace.another { other in
                try other.writeRecipe()
                _ = try await other.build()
                return try ["sft", "cpt", "review"].map { try other.output($0) }
            }
            try workspace.writeRecipe()
            let server = try #require(workspace.server)
            let requestsBefore = server.requestCount
            let budget = SendBudget(maxCalls: 50)
            await #expect(throws: ModelCallError.budgetSpent(.calls(50))) {
                _ = try await workspace.build(budget: budget)
            }
            #expect(server.requestCount - requestsBefore == 50)
            #expect(try await workspace.storedCalls().count == 50)
            #expect(
                !FileManager.default.fileExists(atPath: workspace.directory.file("out/sft.jsonl")))
            let rest = try await workspace.rebuild()
            #expect(rest.newCalls.count == rest.summary.progress.callsSent)
            #expect(try ["sft", "cpt", "review"].map { try workspace.output($0) } == uninterrupted)
        }
    }
}
