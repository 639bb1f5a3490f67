public import Basics

/// Content-addressed blobs: bytes stored under their SHA-256 and verified on every read.
///
/// A blob whose stored bytes no longer hash to its digest is never returned: reading it is a
/// miss, and the store reports a ``StoreFault/corruptBlob(_:referencedBy:)`` to its fault
/// handler. Storing the right bytes again repairs it.
public protocol ContentStore: Sendable {
    /// Stores `bytes` and returns their digest, once the write has committed. Storing the same
    /// bytes twice stores them once.
    func put(_ bytes: [UInt8]) async throws -> Digest

    /// The bytes stored under `digest`; nil when absent or when they no longer hash to it.
    func get(_ digest: Digest) async throws -> [UInt8]?

    /// Whether a blob is stored under `digest` (without reading or verifying it).
    func has(_ digest: Digest) async throws -> Bool
}
