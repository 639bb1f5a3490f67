import Basics
import Engine
import Foundation
import LanguageModels
import Testing

@testable import Store

@Suite("Rebuilds send only what changed")
struct IncrementalBuildTests {
    @Test(
        "raising escalation.rounds from 3 to 4 with stop: fixed sends exactly the round-4 calls and the calibration of the round-4 questions"
    )
    func oneMoreRound() async throws {
        try await BuildWorkspace.with { workspace in
            let three: (String) -> String = {
                $0.replacingOccurrences(
                    of: "rounds: 4\n  stop: peer-fails", with: "rounds: 3\n  stop: fixed")
            }
            try workspace.writeRecipe(three)
            _ = try await workspace.build(limit: 6)
            let before = try await workspace.storedCalls()

            try workspace.writeRecipe {
                three($0).replacingOccurrences(of: "rounds: 3", with: "rounds: 4")
            }
            let summary = try await workspace.build(limit: 6)
            let after = try await workspace.storedCalls()
            let new = after.subtracting(before)
            #expect(!new.isEmpty)
            #expect(summary.progress.callsSent == new.count)

            // Every new call is a round-4 refinement, or a peer, expert or judge call on a
            // question that took four rounds (the simulator tags its questions with their level).
            let store = try SQLiteStore(path: workspace.storePath, mode: .existing)
            var escalations = 0
            for entry in try await store.callEntries() where new.contains(entry.key) {
                let body = try #require(entry.requestBody)
                let request = try JSONDecoder().decode(ChatRequest.self, from: Data(body))
                let prompt = request.messages.first { $0.role == .user }?.content ?? ""
                if prompt.contains("refining an exam question") {
                    #expect(prompt.contains("round 4."), "\(prompt.prefix(80))")
                    escalations += 1
                } else {
                    #expect(
                        prompt.contains(" L4 "),
                        "not about a round-4 question: \(prompt.prefix(200))")
                }
            }
            #expect(escalations >= 6)
        }
    }
}
