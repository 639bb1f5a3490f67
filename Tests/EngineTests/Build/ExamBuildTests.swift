import Basics
import Engine
import Foundation
import Recipes
import TestSupport
import Testing

@Suite("Building the ZPD Exam")
struct ExamBuildTests {
    @Test(
        "the quick start's exam is non-empty and every item satisfies the admission rule by its stored verdicts"
    )
    func admittedItemsSatisfyTheRule() async throws {
        try await BuildWorkspace.with { workspace in
            try workspace.writeRecipe(exam: true)
            let summary = try await workspace.build()
            let exam = try #require(summary.exam)
            let records = try workspace.records("exam")
            #expect(!records.isEmpty)
            #expect(records.count == exam.admitted)
            #expect(exam.admitted <= exam.wanted)
            let recipe = try workspace.loadRecipe()
            let rule = try #require(recipe.exam)
            for record in records {
                #expect(SFTStructure.fieldProblems(record).isEmpty)
                #expect(record["question"]?.stringValue?.isEmpty == false)
                #expect(record["answer"]?.stringValue?.isEmpty == false)
                guard case .array(let peer)? = record["verdicts"]?["peer"],
                    case .array(let expert)? = record["verdicts"]?["expert"]
                else {
                    Issue.record("no verdicts in \(record)")
                    continue
                }
                #expect(peer.count == rule.peer.attempts.value)
                #expect(expert.count == rule.expert.attempts.value)
                let peerSolves = peer.filter { $0["correct"] == .bool(true) }.count
                let expertSolves = expert.filter { $0["correct"] == .bool(true) }.count
                #expect(rule.peer.solves.value.isSatisfied(by: peerSolves))
                #expect(rule.expert.solves.value.isSatisfied(by: expertSolves))
                #expect(record["admission"]?["expert"]?["correct"] == .integer(expertSolves))
            }
            // Exam items come from the exam corpus only.
            let trainingIDs = Set(try workspace.records("sft").compactMap { $0["id"]?.stringValue })
            let examIDs = Set(records.compactMap { $0["id"]?.stringValue })
            #expect(examIDs.isDisjoint(with: trainingIDs))

            let again = try await workspace.build()
            #expect(again.upToDate)
        }
    }

    @Test("an exam corpus that shares a document with the training corpus is rejected, naming both")
    func overlapIsRejected() async throws {
        try await BuildWorkspace.with { workspace in
            let copy = try String(
                contentsOfFile: BuildWorkspace.root + "/recipes/corpus/physics/optics.md",
                encoding: .utf8)
            _ = try workspace.directory.write(copy, to: "exam-extra/optics-copy.md")
            try workspace.writeRecipe(exam: true) {
                $0.replacingOccurrences(
                    of: "      discipline: { frontmatter: discipline }\n  size:",
                    with: "      discipline: { frontmatter: discipline }\n"
                        + "    - path: exam-extra/*.md\n      discipline: physics\n  size:")
            }
            await #expect {
                try await workspace.build()
            } throws: { error in
                guard let problems = error as? CorpusProblems else { return false }
                return problems.diagnostics.contains {
                    $0.id == .examOverlap && $0.message.contains("exam-extra/optics-copy.md")
                        && $0.message.contains("optics.md")
                }
            }
        }
    }
}
