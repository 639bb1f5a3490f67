public import Foundation

/// Checking, measuring and trimming a store: what `frontier cache verify|stats|gc` do.
public protocol StoreMaintenance: Sendable {
    /// Re-hashes every blob and checks that every call, task and version points at blobs that
    /// exist and verify. Returns every fault found, not just the first.
    func verify() async throws -> VerificationReport

    /// Entries per table, bytes stored, and the last build.
    func statistics() async throws -> StoreStatistics

    /// Removes calls and tasks recorded before `cutoff`, then blobs stored before `cutoff` that
    /// nothing left references; what recorded versions reference is kept. With `dryRun`, reports
    /// what would go and changes nothing.
    func collectGarbage(before cutoff: Date, dryRun: Bool) async throws -> GarbageCollectionReport

    /// Removes what `retention` does not keep: other versions, and calls, tasks and blobs
    /// recorded before `retention.since` that it does not reach. A dry run removes nothing and
    /// reports what would go.
    func collectGarbage(
        retaining retention: Retention, dryRun: Bool
    ) async throws
        -> GarbageCollectionReport
}
