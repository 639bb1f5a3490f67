public import Basics

/// What identifies a model in call keys: the recipe's model string, its optional revision, and
/// the endpoint's identity (its `cache_as` name, or its base URL, or the simulator and its
/// behaviour version). Never credentials, timeouts, limits or the retry policy.
public struct ModelIdentity: Sendable, Hashable, Codable {
    public var model: String
    public var revision: String?
    public var endpoint: JSONValue

    public init(model: String, revision: String? = nil, endpoint: JSONValue) {
        self.model = model
        self.revision = revision
        self.endpoint = endpoint
    }
}
