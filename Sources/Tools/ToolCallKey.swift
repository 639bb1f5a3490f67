public import Basics

/// The key of one tool call (ARCHITECTURE.md, "Keys"): the tool's name and version, its
/// configuration, the arguments, and the digest of what it reads.
///
/// The key is the SHA-256 of ``json``, the canonical JSON (RFC 8785) of those components; the
/// JSON is stored beside the entry so `frontier explain` can show what changed.
public struct ToolCallKey: Sendable, Hashable {
    /// The canonical JSON the digest hashes.
    public let json: String
    /// The SHA-256 of ``json``: what the result is stored under.
    public let digest: Digest

    /// Bumped when the key's shape changes, so old entries stop matching.
    public static let version = 1

    /// The key of calling `tool` (at `version`, configured by `configuration`) with
    /// `arguments`, reading what `reads` is the digest of. Throws only for numbers JSON cannot
    /// hold (infinities, NaN).
    public init(
        tool: String, version: Int, configuration: JSONValue, arguments: JSONValue,
        reads: Digest?
    ) throws {
        let document = Document(
            keyVersion: Self.version, tool: tool, toolVersion: version,
            configuration: configuration, arguments: arguments, reads: reads)
        let bytes = try JSONValue.canonical(document)
        json = String(decoding: bytes, as: UTF8.self)
        digest = Digest(of: bytes)
    }

    /// The key's components; `reads` is left out when nil.
    private struct Document: Encodable {
        var call = "tool"
        var keyVersion: Int
        var tool: String
        var toolVersion: Int
        var configuration: JSONValue
        var arguments: JSONValue
        var reads: Digest?

        enum CodingKeys: String, CodingKey {
            case call, tool, configuration, arguments, reads
            case keyVersion = "key_version"
            case toolVersion = "tool_version"
        }
    }
}
