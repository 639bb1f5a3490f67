public import Foundation

/// What a garbage collection removed, or with a dry run, would remove.
public struct GarbageCollectionReport: Sendable, Hashable {
    /// Entries older than this went.
    public let cutoff: Date
    /// Whether nothing was actually removed.
    public let dryRun: Bool
    /// Calls removed.
    public let calls: Int
    /// Tasks removed.
    public let tasks: Int
    /// Blobs removed.
    public let blobs: Int
    /// Bytes of the blobs removed.
    public let blobBytes: Int
    /// Versions removed (only garbage collection by retention removes versions).
    public var versions = 0

    /// A report.
    public init(cutoff: Date, dryRun: Bool, calls: Int, tasks: Int, blobs: Int, blobBytes: Int) {
        self.cutoff = cutoff
        self.dryRun = dryRun
        self.calls = calls
        self.tasks = tasks
        self.blobs = blobs
        self.blobBytes = blobBytes
    }
}
