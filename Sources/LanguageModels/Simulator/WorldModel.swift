internal import Foundation

/// The ZPD world of the simulator: item difficulties, model abilities, and the logistic that
/// turns their gap into a solve probability.
struct WorldModel: Sendable {
    var configuration: SimulatorConfiguration

    /// The difficulty of `item`: its seed difficulty (drawn from its id) plus one step, between
    /// 0.75 and 1.25 times `difficultyStep` (drawn from its id and the round), per level.
    func difficulty(of item: SimulatedItem) -> Double {
        var base = DeterministicRandom(item.id, "difficulty")
        let range = configuration.seedDifficulty
        var difficulty = range.lowerBound + base.unit() * (range.upperBound - range.lowerBound)
        if item.level > 0 {
            for round in 1...item.level {
                var step = DeterministicRandom(item.id, "step \(round)")
                difficulty += configuration.difficultyStep * (0.75 + 0.5 * step.unit())
            }
        }
        return difficulty
    }

    /// The ability of `model` on `item`, with the tool bonus when `withTools`.
    func ability(of model: String, on item: SimulatedItem, withTools: Bool) -> Double {
        let profile = configuration.profile(of: model)
        let ability = profile.ability(in: item.discipline, model: model)
        return withTools ? ability + profile.toolBonus : ability
    }

    /// The probability that `model` answers `item` correctly: the logistic of ability minus
    /// difficulty. Zero for items whose answer the simulator does not know.
    func solveProbability(model: String, item: SimulatedItem, withTools: Bool) -> Double {
        guard item.answer != nil else { return 0 }
        let gap = ability(of: model, on: item, withTools: withTools) - difficulty(of: item)
        return 1 / (1 + exp(-configuration.slope * gap))
    }
}
