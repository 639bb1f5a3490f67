public import Basics
public import Foundation

/// A task served from the store: its output, which verified on this read.
public struct CachedTask: Sendable, Hashable {
    /// The task key.
    public let key: Digest
    /// The canonical JSON the key hashes.
    public let keyJSON: String
    /// The plan node the task belongs to.
    public let node: String
    /// The digest of the output blob.
    public let outputDigest: Digest
    /// The output bytes; they hash to `outputDigest`.
    public let output: [UInt8]
    /// When the task was recorded.
    public let created: Date

    /// A cached task; the store makes these, other modules' tests may too.
    public init(
        key: Digest, keyJSON: String, node: String, outputDigest: Digest, output: [UInt8],
        created: Date
    ) {
        self.key = key
        self.keyJSON = keyJSON
        self.node = node
        self.outputDigest = outputDigest
        self.output = output
        self.created = created
    }
}
