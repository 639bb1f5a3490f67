import LanguageModels
public import Recipes

extension Planner {
    /// The planner builds use: the built-in prompts, and this simulator's behaviour version in
    /// every simulated model's identity.
    public static func builtIn() throws -> Planner {
        Planner(
            prompts: try PromptCatalog.builtIn(), simulatorBehaviour: Simulator.behaviourVersion)
    }
}
