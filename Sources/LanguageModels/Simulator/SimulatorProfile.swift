/// What one simulated model can do: its ability per discipline, what tools add, and whether it
/// returns separate reasoning text.
///
/// Abilities and difficulties share one scale: a model solves an item with probability ½ when
/// its ability (plus the tool bonus, with tools) equals the item's difficulty.
public struct SimulatorProfile: Sendable, Hashable {
    /// The ability in disciplines not listed in `disciplineAbilities`, before the
    /// per-discipline variation.
    public var ability: Double
    /// Fixed abilities for named disciplines (no variation is added to these).
    public var disciplineAbilities: [String: Double]
    /// The largest offset, up or down, that a discipline adds to `ability`; each offset is drawn
    /// from the model name and the discipline.
    public var disciplineSpread: Double
    /// What tools add to the ability.
    public var toolBonus: Double
    /// Whether answers carry `reasoning_content`.
    public var emitsReasoning: Bool

    public init(
        ability: Double, toolBonus: Double, disciplineAbilities: [String: Double] = [:],
        disciplineSpread: Double = 0.4, emitsReasoning: Bool = false
    ) {
        self.ability = ability
        self.toolBonus = toolBonus
        self.disciplineAbilities = disciplineAbilities
        self.disciplineSpread = disciplineSpread
        self.emitsReasoning = emitsReasoning
    }

    /// The default profile of the model named `model`, derived from its name alone.
    ///
    /// Names containing `peer`, `weak`, `small`, `tiny` or `student` are weak (ability 0.5,
    /// tool bonus 1); `expert`, `strong`, `large` or `teacher` strong (ability 1.5, tool bonus
    /// 2); others in between (1, 1.5). A name-derived jitter of at most ±0.15 keeps distinct
    /// models distinct. Names containing `think`, `reason` or `r1`, and strong models, return
    /// reasoning text.
    public static func derived(fromModelName model: String) -> SimulatorProfile {
        let name = model.lowercased()
        let weak = ["peer", "weak", "small", "tiny", "student"].contains { name.includes($0) }
        let strong = ["expert", "strong", "large", "teacher"].contains { name.includes($0) }
        var random = DeterministicRandom(model, "profile")
        let jitter = (random.unit() * 2 - 1) * 0.15
        let (ability, bonus) = weak ? (0.5, 1.0) : strong ? (1.5, 2.0) : (1.0, 1.5)
        let reasons = strong || ["think", "reason", "r1"].contains { name.includes($0) }
        return SimulatorProfile(
            ability: ability + jitter, toolBonus: bonus, emitsReasoning: reasons)
    }

    /// The ability of the model named `model` in `discipline`.
    public func ability(in discipline: String, model: String) -> Double {
        if let fixed = disciplineAbilities[discipline] { return fixed }
        var random = DeterministicRandom(model + "\u{0}" + discipline, "discipline")
        return ability + (random.unit() * 2 - 1) * disciplineSpread
    }
}
