import Basics
import Recipes
import Tools

/// What building the exam produced.
struct ExamResult: Sendable {
    /// The admitted items, deduplicated against each other and the training items, in item
    /// order, at most `wanted`.
    var items: [ItemRecord]
    var wanted: Int
    /// Items that went through admission.
    var judged: Int
    /// Candidate units the exam corpus offered.
    var candidates: Int
    var path: String
}

extension Builder {
    /// The most questions the exam writes from one unit while it has too few items.
    static let examQuestionsPerUnit = 10

    /// Builds the ZPD Exam from `corpus`: units in a fixed order, each item through seed,
    /// escalation and the exam's admission rule, in batches until `size` items are admitted
    /// (after dedup against each other and the `training` questions) or the units run out.
    func buildExam(
        _ exam: Recipe.Exam, corpus: ReadCorpus, prompts: PromptSet, training: [String],
        plan: PlanGraph, tasks: TaskRunner
    ) async throws -> ExamResult {
        var counts: [String: Int] = [:]
        for chunk in corpus.corpus.chunks { counts[chunk.discipline, default: 0] += 1 }
        var composer = self.composer
        // Every candidate, in the fixed draw order, in the exam corpus's own proportions;
        // admission decides how many are used.
        composer.units = max(1, corpus.corpus.chunks.count * 4)
        composer.mix = counts.keys.sorted().map { ($0, Double(counts[$0]!)) }
        progress.start("exam.compose", total: exam.size)
        var units = try await self.compose(
            corpus.corpus, composer: composer, node: try plan.requiredNode("exam.compose"),
            tasks: tasks
        ).units
        if let limit = options.limit { units = Array(units.prefix(limit)) }
        progress.finish("exam.compose", id: "", count: units.count)
        progress.finishStage("exam.compose")

        let stages = ItemStages(
            recipe: recipe, prompts: prompts, models: models.models,
            toolBox: try await makeToolBox(corpus.corpus), progress: progress,
            band: .init(exam), prefix: "exam.",
            nodes: try .init(plan, prefix: "exam.", calibrate: "admit"), tasks: tasks)
        // Question 0 of every unit first, then question 1 of every unit, and so on: a small
        // corpus can still fill the exam, and the order never depends on timing.
        let jobs = (0..<Self.examQuestionsPerUnit).flatMap { index in units.map { ($0, index) } }
        var judged: [ItemRecord] = []
        var admitted: [ItemRecord] = []
        var next = 0
        let batch = max(exam.size * 2, 8)
        while admitted.count < exam.size && next < jobs.count {
            let slice = Array(jobs[next..<min(next + batch, jobs.count)])
            next += slice.count
            judged += try await runItems(slice, stages: stages)
            try Task.checkCancellation()
            let candidates = judged.filter { $0.bucket == .zpd }
            let kept = try await deduplicate(
                candidates.map { ($0.id, $0.final?.question ?? "") }, prior: training,
                node: try plan.requiredNode("exam.dedup"), tasks: tasks, batch: "batch \(next)")
            admitted = zip(candidates, kept).filter(\.1).map(\.0)
        }
        return ExamResult(
            items: Array(admitted.prefix(exam.size)), wanted: exam.size, judged: judged.count,
            candidates: units.count, path: exam.resolvedOutput)
    }

    /// Throws, naming both documents, when an exam document has the same text as a training
    /// document: an exam must not test what training taught.
    static func checkDisjoint(exam: ReadCorpus, training: ReadCorpus) throws {
        var trainingTexts: [Digest: String] = [:]
        for document in training.corpus.documents {
            trainingTexts[Digest(of: document.text)] =
                trainingTexts[Digest(of: document.text)] ?? document.id
        }
        var diagnostics: [Diagnostic] = []
        for document in exam.corpus.documents {
            guard let twin = trainingTexts[Digest(of: document.text)],
                let range = exam.origins[document.id]
            else { continue }
            diagnostics.append(
                .error(
                    .examOverlap,
                    "exam document '\(document.id)' has the same text as training document "
                        + "'\(twin)'",
                    at: range))
        }
        if !diagnostics.isEmpty { throw CorpusProblems(diagnostics: diagnostics) }
    }
}
