public import Basics

/// One request the simulator server received, as `GET /stats/log` lists it:
/// `{"route": "chat_completions", "body_sha256": "<hex>", "fault": "429" | null}`.
public struct LoggedRequest: Sendable, Hashable, Codable {
    /// Which API route a request was for.
    public enum Route: String, Sendable, Hashable, Codable, CustomStringConvertible {
        case chatCompletions = "chat_completions"
        case embeddings
        case models
        /// Any unknown route (answered 404).
        case other

        public var description: String { rawValue }

        /// Whether requests on this route may be faulted.
        var isFaultable: Bool { self == .chatCompletions || self == .embeddings }
    }

    public var route: Route
    /// SHA-256 of the request body bytes, as received.
    public var bodySHA256: Digest
    /// The fault injected, nil when none was.
    public var fault: Fault?

    public init(route: Route, bodySHA256: Digest, fault: Fault?) {
        self.route = route
        self.bodySHA256 = bodySHA256
        self.fault = fault
    }

    enum CodingKeys: String, CodingKey {
        case route, fault
        case bodySHA256 = "body_sha256"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        route = try container.decode(Route.self, forKey: .route)
        bodySHA256 = try container.decode(Digest.self, forKey: .bodySHA256)
        fault = try container.decodeIfPresent(Fault.self, forKey: .fault)
    }

    /// Writes `fault` as null when there is none, rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(route, forKey: .route)
        try container.encode(bodySHA256, forKey: .bodySHA256)
        try container.encode(fault, forKey: .fault)
    }
}
