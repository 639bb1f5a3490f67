public import Basics

/// The cache of tasks: task key → output, so a rebuild skips what has not changed.
public protocol TaskCache: Sendable {
    /// The task recorded under `key`, only when its output blob is present and verifies; a
    /// corrupt output is a miss and is reported to the store's fault handler.
    func lookup(task key: Digest) async throws -> CachedTask?

    /// Stores the task and its output blob in one transaction, and returns only once that
    /// transaction has committed. Recording a key again replaces its entry.
    func record(_ task: TaskRecord) async throws
}
