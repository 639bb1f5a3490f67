public import Basics

/// A tool an agent may call: a named function with a JSON Schema, run on the model's arguments.
///
/// A tool never throws for what the model got wrong (bad arguments, an unknown id, a program
/// that crashes or runs out of time): those come back as a ``ToolResult`` with `isError` set, so
/// the agent reads what went wrong and carries on. It throws only for real failures around it
/// (an unreadable index, a temporary directory that cannot be created), and on cancellation.
public protocol Tool: Sendable {
    /// The name the model calls the tool by (the recipe's name for it).
    var name: String { get }
    /// Bumped whenever the same arguments would give a different result, so cached results of
    /// the old version stop matching.
    var version: Int { get }
    /// The function description offered to the model:
    /// `{"name": …, "description": …, "parameters": <JSON Schema>}`.
    var definition: JSONValue { get }
    /// The settings that change what the tool returns, as they go into its keys.
    var configuration: JSONValue { get }
    /// The digest of what the tool reads (the corpus for search and browse); nil when it reads
    /// nothing that could change under the same arguments.
    var reads: Digest? { get }

    /// Runs the tool on the arguments the model sent.
    func run(_ arguments: JSONValue) async throws -> ToolResult
}

extension Tool {
    /// The key of a call of this tool with `arguments`: what its cached result is stored under.
    public func key(for arguments: JSONValue) throws -> ToolCallKey {
        try ToolCallKey(
            tool: name, version: version, configuration: configuration, arguments: arguments,
            reads: reads)
    }
}
