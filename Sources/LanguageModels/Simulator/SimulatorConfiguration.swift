/// Settings of the simulator: the ZPD world it simulates and how often it misbehaves.
public struct SimulatorConfiguration: Sendable, Hashable {
    /// Share of structured answers (JSON, final answers, tool arguments) written malformed.
    public var malformedRate: Double
    /// Time each call takes; zero by default.
    public var latency: Duration
    /// Profiles by model name; other models get `SimulatorProfile.derived(fromModelName:)`.
    public var profiles: [String: SimulatorProfile]
    /// The range a seed question's difficulty is drawn from, uniformly per item.
    public var seedDifficulty: ClosedRange<Double>
    /// The mean difficulty a refinement round adds; each round adds between 0.75 and 1.25
    /// times this, drawn per item and round.
    public var difficultyStep: Double
    /// How sharply the solve probability falls as difficulty passes ability: the logistic's
    /// slope per unit of the scale.
    public var slope: Double
    /// Length of simulated embedding vectors when a request does not ask for one.
    public var embeddingDimensions: Int

    public init(
        malformedRate: Double = 0, latency: Duration = .zero,
        profiles: [String: SimulatorProfile] = [:],
        seedDifficulty: ClosedRange<Double> = -1.5...0.5,
        difficultyStep: Double = 1, slope: Double = 1.5, embeddingDimensions: Int = 256
    ) {
        self.malformedRate = malformedRate
        self.latency = latency
        self.profiles = profiles
        self.seedDifficulty = seedDifficulty
        self.difficultyStep = difficultyStep
        self.slope = slope
        self.embeddingDimensions = embeddingDimensions
    }

    /// The profile of the model named `model`.
    public func profile(of model: String) -> SimulatorProfile {
        profiles[model] ?? .derived(fromModelName: model)
    }
}
