import Basics
import Foundation
import Recipes
import Store
import Synchronization
import Tools

/// The tools a build's agents may call, by their recipe names, with every call cached.
///
/// A call's key is its ``ToolCallKey`` (tool, version, configuration, arguments and the digest
/// of what it reads); its result is stored as a task of node `tool:NAME`, so a rebuild replays
/// it instead of running it again.
struct ToolBox: Sendable {
    let tools: [String: any Tool]
    let store: any TaskCache
    let counters: ToolCounters
    /// Runs of one call before a tool that cannot run fails the item, and the first pause
    /// (each pause four times the last: up to 8.5 s in all, for a machine under load).
    var attempts = 5
    var retryPause = Duration.milliseconds(100)

    /// A box of `tools` caching their calls in `store`, counting them in `counters`.
    init(tools: [String: any Tool], store: any TaskCache, counters: ToolCounters = ToolCounters()) {
        self.tools = tools
        self.store = store
        self.counters = counters
    }

    /// The OpenAI function definitions of `names`, in the order given.
    func definitions(_ names: [String]) -> [JSONValue] {
        names.compactMap { tools[$0]?.definition }
    }

    /// Runs tool `name` with `argumentsText` (the JSON the model wrote), or replays it from the
    /// store. Arguments that are not a JSON object are an error result, and nothing runs.
    func call(_ name: String, argumentsText: String) async throws -> ToolResult {
        guard let tool = tools[name] else {
            return .error(
                "there is no tool named '\(name)'; the tools are: "
                    + tools.keys.sorted().joined(separator: ", "))
        }
        let arguments: JSONValue
        do {
            arguments = try JSONDecoder().decode(
                JSONValue.self, from: Data(argumentsText.utf8))
        } catch {
            return .error(
                "the arguments are not valid JSON (\(argumentsText.prefix(80))); send one JSON "
                    + "object")
        }
        let key = try tool.key(for: arguments)
        if let cached = try await store.lookup(task: key.digest),
            let result = try? JSONDecoder().decode(ToolResult.self, from: Data(cached.output))
        {
            counters.record(cached: true)
            return result
        }
        let result = try await run(tool, arguments)
        let output = try JSONValue.canonical(result)
        try await store.record(TaskRecord(keyJSON: key.json, node: "tool:\(name)", output: output))
        counters.record(cached: false)
        return result
    }

    /// Runs `tool`, trying again after a short pause when it cannot run for reasons outside the
    /// call (a process that cannot start on a loaded machine). Such a failure is never a result:
    /// cached, it would put the machine's trouble into the dataset for good. When it persists
    /// the item fails with ``ToolUnavailable``, and the next build tries again.
    private func run(_ tool: any Tool, _ arguments: JSONValue) async throws -> ToolResult {
        var pause = retryPause
        var attempt = 1
        while true {
            do {
                return try await tool.run(arguments)
            } catch let error as ToolError {
                guard attempt < attempts else {
                    throw ToolUnavailable(tool: tool.name, attempts: attempt, error: error)
                }
                try await Task.sleep(for: pause)
                pause *= 4
                attempt += 1
            }
        }
    }

    /// Tool calls run and replayed so far.
    var statistics: (run: Int, cached: Int) { counters.value }
}

/// Counts of tool calls, shared by copies of a ``ToolBox``.
final class ToolCounters: Sendable {
    private let counts = Mutex((run: 0, cached: 0))

    func record(cached: Bool) {
        counts.withLock { cached ? ($0.cached += 1) : ($0.run += 1) }
    }

    var value: (run: Int, cached: Int) { counts.withLock { $0 } }
}

/// A tool that could not run after several tries: the item it was called for fails (and is not
/// cached), so the next build tries it again.
struct ToolUnavailable: Error, Sendable, CustomStringConvertible {
    var tool: String
    var attempts: Int
    var error: ToolError

    var description: String {
        "the tool '\(tool)' could not run (\(attempts) tries): \(error.description)"
    }
}
