public import Basics

/// One completed task (a plan node applied to one item) to remember.
public struct TaskRecord: Sendable, Hashable {
    /// The task key: the SHA-256 of `keyJSON`.
    public let key: Digest
    /// The canonical JSON the key hashes (the node key and the item's input digest).
    public let keyJSON: String
    /// The plan node the task belongs to.
    public let node: String
    /// The task's output.
    public let output: [UInt8]

    /// A record whose key is the SHA-256 of `keyJSON`, so the two can never disagree.
    public init(keyJSON: String, node: String, output: [UInt8]) {
        self.key = Digest(of: keyJSON)
        self.keyJSON = keyJSON
        self.node = node
        self.output = output
    }
}
