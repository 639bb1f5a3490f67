/// What a model's calls have cost so far.
public struct CallStatistics: Sendable, Hashable {
    /// Calls answered by sending a request (however many attempts it took).
    public var sent = 0
    /// Calls answered from the store.
    public var cached = 0
    /// Calls that waited for an identical call already in flight in this process.
    public var joined = 0
    /// Calls that failed.
    public var failed = 0
    /// Answers cut short by the token limit (`finish_reason: length`), kept or failed.
    public var truncated = 0
    /// Prompt tokens of sent calls.
    public var tokensIn = 0
    /// Completion tokens of sent calls.
    public var tokensOut = 0
    /// Prompt tokens of calls answered from the store, as they were when sent.
    public var cachedTokensIn = 0
    /// Completion tokens of calls answered from the store, as they were when sent.
    public var cachedTokensOut = 0

    public init() {}
}
