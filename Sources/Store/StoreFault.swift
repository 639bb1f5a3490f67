public import Basics

/// A problem found in a store: by ``StoreMaintenance/verify()``, or when a read meets it.
public enum StoreFault: Sendable, Hashable, CustomStringConvertible {
    /// A blob whose bytes no longer hash to its digest, with the entries that use it.
    case corruptBlob(Digest, referencedBy: [BlobReference])
    /// A blob that entries point at but that is not stored.
    case missingBlob(Digest, referencedBy: [BlobReference])
    /// An entry whose stored key JSON does not hash to its key.
    case keyMismatch(StoreEntry)
    /// The database reported a problem with itself (SQLite's integrity check).
    case database(String)

    public var description: String {
        switch self {
        case .corruptBlob(let digest, let references):
            "blob \(digest): bytes do not hash to the digest" + Self.usedBy(references)
        case .missingBlob(let digest, let references):
            "blob \(digest): missing" + Self.usedBy(references)
        case .keyMismatch(let entry):
            "\(entry): the stored key JSON does not hash to the key"
        case .database(let message):
            "database: \(message)"
        }
    }

    private static func usedBy(_ references: [BlobReference]) -> String {
        references.isEmpty
            ? "" : "; used by " + references.map(\.description).joined(separator: ", ")
    }
}

/// Where a store reports faults it meets while reading; called from any task.
public typealias StoreFaultHandler = @Sendable (StoreFault) -> Void

/// An entry of a store that can point at blobs.
public enum StoreEntry: Sendable, Hashable, CustomStringConvertible {
    /// The call with this key.
    case call(Digest)
    /// The task with this key.
    case task(Digest)
    /// The version with this id.
    case version(String)

    public var description: String {
        switch self {
        case .call(let key): "call \(key.prefix(16))"
        case .task(let key): "task \(key.prefix(16))"
        case .version(let id): "version '\(id)'"
        }
    }
}

/// An entry's use of a blob.
public struct BlobReference: Sendable, Hashable, CustomStringConvertible {
    /// What a blob is to the entry that uses it.
    public enum Role: String, Sendable, Hashable {
        /// A call's request body.
        case request
        /// A call's response body.
        case response
        /// A task's output.
        case output
        /// A version's manifest.
        case manifest
        /// The body of one of a version's records.
        case record
    }

    /// The entry that uses the blob.
    public let entry: StoreEntry
    /// What the blob is to it.
    public let role: Role

    /// A reference from `entry` in the given role.
    public init(_ entry: StoreEntry, _ role: Role) {
        self.entry = entry
        self.role = role
    }

    public var description: String { "\(entry) (\(role.rawValue))" }
}
