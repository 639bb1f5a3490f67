import ArgumentParser
import Engine

/// `frontier status RECIPE`: where the dataset stands against the last build.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which tasks are up to date, stale or new, and what a build would send.",
        discussion: """
            Like `git status` for the dataset. For each plan node: how many tasks are up to \
            date (a build replays them from the store), stale (the last build ran them with \
            another key: the reason follows, as the recipe names it), new (the last build had \
            no such task) or gone (the last build had them; this one would not). Then how many \
            calls a build would send, by model, and which output files would change.

            It never calls a model: it walks the build against the store, with the simulator \
            standing in for every call that is not cached, and changes nothing. On the \
            simulator the figures are exact; for a real model, counts below the first changed \
            task are an estimate.

            Examples:
              frontier status recipes/quickstart.yaml
              frontier explain recipes/quickstart.yaml calibrate
            """
    )

    @OptionGroup var dryRun: DryRunOptions

    func run() async throws {
        let recipe = try dryRun.loadRecipe()
        let status = try await dryRun.status(of: recipe)
        Console.output(StatusReport.status(status))
    }
}

/// `frontier explain RECIPE [NODE|ITEM]`: why tasks would run again.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why tasks are stale: what differs from the last build.",
        discussion: """
            For every stale node, or the one named, the components of its key that differ \
            from the last build (`escalation.prompt: digest 3fa2c1d0… → 9c01ab23…`, \
            `models.judge.model: "gpt-4o" → "qwen3-32b"`) and the inputs of its tasks that \
            changed (`input: chunk corpus/physics/optics.md#2 changed`), task by task. Given \
            an item id (from a record's `id`, or a prefix of it), every task of that item.

            Examples:
              frontier explain recipes/quickstart.yaml
              frontier explain recipes/quickstart.yaml calibrate
              frontier explain recipes/quickstart.yaml 3f9a0c12
            """
    )

    @OptionGroup var dryRun: DryRunOptions

    @Argument(help: "A plan node (`calibrate`, `emit.sft`) or an item id or its prefix.")
    var target: String?

    func run() async throws {
        let recipe = try dryRun.loadRecipe()
        let status = try await dryRun.status(of: recipe)
        var lines = [StatusReport.header(status, verb: "explaining"), ""]
        let changes: [BuildStatus.Change]
        if let target {
            if status.nodes.contains(where: { $0.id == target }) {
                changes = status.changes.filter { $0.node == target }
            } else {
                changes = status.changes.filter { $0.item.hasPrefix(target) && !target.isEmpty }
                if changes.isEmpty && !status.changes.isEmpty {
                    let nodes = status.nodes.map(\.id).joined(separator: ", ")
                    Console.output(
                        lines.joined(separator: "\n")
                            + "\n'\(target)' is no node with tasks (\(nodes)) and no item "
                            + "with a stale or new task\n")
                    throw ExitCode.failure
                }
            }
        } else {
            changes = status.changes
        }
        if changes.isEmpty {
            lines.append(
                "nothing to explain: \(target.map { "'\($0)' is" } ?? "every task is") up to date")
            Console.output(lines.joined(separator: "\n") + "\n")
            return
        }
        var byNode: [String: [BuildStatus.Change]] = [:]
        for change in changes { byNode[change.node, default: []].append(change) }
        for node in status.nodes {
            guard let tasks = byNode[node.id] else { continue }
            let stale = tasks.filter { !$0.isNew }.count
            let new = tasks.count - stale
            lines.append(
                "\(node.id): \(RecipeLoading.count(stale, "stale task")), "
                    + "\(RecipeLoading.count(new, "new task"))")
            for component in node.components { lines.append("  " + component) }
            for task in tasks {
                let own = task.reasons.filter { !node.components.contains($0) }
                guard !own.isEmpty else { continue }
                let name = task.item.isEmpty ? "the task" : "item \(task.item)"
                lines.append("  \(name): " + own.joined(separator: "; "))
            }
        }
        lines.append("")
        lines += StatusReport.summary(status)
        Console.output(lines.joined(separator: "\n") + "\n")
    }
}
