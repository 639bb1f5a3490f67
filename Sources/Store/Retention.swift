public import Basics
public import Foundation

/// What garbage collection by versions keeps: the versions named, the tasks, calls and blobs
/// they reach, and everything recorded since `since` (work newer than the kept versions, such as
/// a build stopped at its budget). Everything else goes.
public struct Retention: Sendable {
    public var versions: Set<String>
    public var tasks: Set<Digest>
    public var calls: Set<Digest>
    /// Blobs kept besides those the kept calls, tasks and versions reference.
    public var blobs: Set<Digest>
    public var since: Date

    public init(
        versions: Set<String>, tasks: Set<Digest>, calls: Set<Digest>, blobs: Set<Digest>,
        since: Date
    ) {
        self.versions = versions
        self.tasks = tasks
        self.calls = calls
        self.blobs = blobs
        self.since = since
    }
}
