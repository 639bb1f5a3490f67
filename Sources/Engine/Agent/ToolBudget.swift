import Basics
import Recipes

/// The tool calls one agent run may make: a count per tool and a total.
struct ToolBudget: Sendable, Hashable {
    /// Calls allowed per tool name; tools not named may not be called.
    var perTool: [String: Int]
    var total: Int

    init(perTool: [String: Int], total: Int) {
        self.perTool = perTool
        self.total = total
    }

    /// The budget of `budget` restricted to the tools that exist.
    init(_ budget: Recipe.Budget, available: Set<String>) {
        var perTool: [String: Int] = [:]
        for (name, count) in budget.perTool where count > 0 && available.contains(name.value) {
            perTool[name.value] = count
        }
        self.perTool = perTool
        total = min(budget.total ?? Int.max, perTool.values.reduce(0, +))
    }

    /// The tools that may be called at all, by name.
    var names: [String] { perTool.keys.sorted() }

    /// Why a call to `tool` may not be made after `used` calls (per tool), or nil when it may.
    func refusal(_ tool: String, used: [String: Int]) -> String? {
        guard let allowed = perTool[tool] else {
            return "the tool '\(tool)' is not available here; the tools are: "
                + names.joined(separator: ", ")
        }
        let spent = used.values.reduce(0, +)
        if spent >= total {
            return "the tool budget is spent (\(spent) of \(total) calls); answer now"
        }
        if used[tool, default: 0] >= allowed {
            let left = names.filter { used[$0, default: 0] < perTool[$0]! }
            return "the budget for '\(tool)' is spent (\(allowed) calls)"
                + (left.isEmpty
                    ? "; answer now" : "; still available: " + left.joined(separator: ", "))
        }
        return nil
    }
}
