public import Basics

/// The key of one chat call (ARCHITECTURE.md, "Keys"): the model's identity, the full rendered
/// messages, the tool schemas and tool choice, every sampling parameter, and the sample index.
///
/// The key is the SHA-256 of ``json``, the canonical JSON (RFC 8785) of those components; the
/// JSON is stored beside the entry so `frontier explain` can show what changed.
public struct CallKey: Sendable, Hashable {
    /// The canonical JSON the digest hashes.
    public let json: String
    public let digest: Digest

    /// Bumped when the key's shape changes, so old entries stop matching.
    public static let version = 1

    public init(identity: ModelIdentity, request: ChatRequest) throws {
        let bytes = try Self.document(identity: identity, request: request).canonicalBytes()
        json = String(decoding: bytes, as: UTF8.self)
        digest = Digest(of: bytes)
    }

    /// The key's components as JSON: the `Codable` form of ``Document``, built directly.
    static func document(identity: ModelIdentity, request: ChatRequest) -> JSONValue {
        var model: [String: JSONValue] = [
            "model": .string(identity.model), "endpoint": identity.endpoint,
        ]
        if let revision = identity.revision { model["revision"] = .string(revision) }
        var document: [String: JSONValue] = [
            "call": .string("chat.completions"), "version": .integer(version),
            "model": .object(model), "request": request.keyValue,
        ]
        if let sampleIndex = request.sampleIndex {
            document["sample_index"] = .integer(sampleIndex)
        }
        return .object(document)
    }

    /// The key's components. `request` is the wire form (messages, tools, tool_choice,
    /// response_format, seed, stop, max_tokens, temperature, top_p); the sample index is added
    /// because the wire form does not carry it.
    struct Document: Encodable {
        var call = "chat.completions"
        var version: Int
        var model: ModelIdentity
        var request: ChatRequest
        var sampleIndex: Int?

        enum CodingKeys: String, CodingKey {
            case call, version, model, request
            case sampleIndex = "sample_index"
        }
    }
}
