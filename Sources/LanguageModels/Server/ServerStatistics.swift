/// What the simulator server has received since it started or was last reset, as
/// `GET /stats` writes it:
/// `{"requests": N, "chat_completions": n, "embeddings": n, "models": n, "connections": n,
/// "faults": {"429": n, …}, "statuses": {"200": n, …}}`.
///
/// A request counts once its whole body has arrived, also when it is then faulted; the
/// statistics routes themselves are never counted, nor are bodies refused as too large (whose
/// 413 only shows in `statuses`).
public struct ServerStatistics: Sendable, Hashable, Codable {
    /// Requests on every counted route, unknown ones included.
    public var requests: Int
    public var chatCompletions: Int
    public var embeddings: Int
    public var models: Int
    /// Connections accepted.
    public var connections: Int
    /// Injected faults by kind; kinds never injected are absent.
    public var faults: [Fault: Int]
    /// Response statuses written, by status; reset and stalled requests write none.
    public var statuses: [Int: Int]

    public init(
        requests: Int = 0, chatCompletions: Int = 0, embeddings: Int = 0, models: Int = 0,
        connections: Int = 0, faults: [Fault: Int] = [:], statuses: [Int: Int] = [:]
    ) {
        self.requests = requests
        self.chatCompletions = chatCompletions
        self.embeddings = embeddings
        self.models = models
        self.connections = connections
        self.faults = faults
        self.statuses = statuses
    }

    enum CodingKeys: String, CodingKey {
        case requests, embeddings, models, connections, faults, statuses
        case chatCompletions = "chat_completions"
    }
}
