import Basics
import LanguageModels
public import Recipes

extension PlanGraph {
    /// The node `id`; throws when the plan has none (the engine and the planner disagree).
    func requiredNode(_ id: String) throws -> PlanNode {
        guard let node = node(id) else { throw InternalError("the plan has no node '\(id)'") }
        return node
    }
}

extension Planner {
    /// The planner builds use: the built-in prompts, and this simulator's behaviour version in
    /// every simulated model's identity.
    public static func builtIn() throws -> Planner {
        Planner(
            prompts: try PromptCatalog.builtIn(), simulatorBehaviour: Simulator.behaviourVersion)
    }
}
