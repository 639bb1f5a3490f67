public import LanguageModels

/// What a build did, for the closing report.
public struct BuildSummary: Sendable {
    /// Knowledge units drawn, and how many the recipe asked for.
    public var units: Int
    public var unitsWanted: Int
    /// Coherent candidate units found before drawing.
    public var candidates: Int
    public var draws: [(discipline: String, wanted: Int, drawn: Int)]
    public var items: Int
    public var buckets: [Bucket: Int]
    /// ZPD items left out of `sft` because no correct trajectory had well-formed tool calls.
    public var sftWithoutCleanTrajectory: Int
    public var progress: BuildProgress.Snapshot
    /// Every output by name, with its path.
    public var outputs: [(name: String, path: String)]
    /// Every item, in item order: its final question and where it ended up.
    public var outcomes: [ItemOutcome]
    /// The exam, when the recipe has one.
    public var exam: ExamSummary?
    /// Records written, by output name.
    public var records: [String: Int]
    /// The outputs whose contents changed.
    public var changedOutputs: [String]
    /// Every task the build met, replayed or run, by node then item.
    public var tasks: [TaskVisit] = []
    /// What each model's calls cost, by model role.
    public var calls: [String: CallStatistics] = [:]

    /// ZPD items kept, as a share of all items.
    public var yield: Double {
        items == 0 ? 0 : Double(buckets[.zpd] ?? 0) / Double(items)
    }

    /// Nothing had to run: no call sent, no tool run, no failure, no output changed.
    public var upToDate: Bool {
        progress.callsSent == 0 && progress.toolRuns == 0 && (buckets[.failed] ?? 0) == 0
            && changedOutputs.isEmpty
    }
}

/// Where one item ended up.
public struct ItemOutcome: Sendable, Hashable {
    public var id: String
    public var discipline: String
    public var bucket: Bucket
    /// The question calibration judged (the last good escalation state); nil when none.
    public var question: String?
    /// Refinement rounds the question took.
    public var rounds: Int
    /// The ids of the chunks of the item's knowledge unit.
    public var chunks: [String]
}

/// How the exam's admission went.
public struct ExamSummary: Sendable, Hashable, Codable {
    /// Items admitted (after dedup), and the `size` asked for.
    public var admitted: Int
    public var wanted: Int
    /// Items that went through admission.
    public var judged: Int
    /// Candidate units the exam corpus offered.
    public var candidates: Int

    /// How many fewer items than asked for the exam has.
    public var shortfall: Int { max(0, wanted - admitted) }
}
