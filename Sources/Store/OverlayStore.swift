public import Basics
public import Foundation

/// A store that reads through to `base` and keeps every write in memory, so a dry run (a
/// forecast, `frontier status`) can walk a build with the real store's contents and leave it
/// exactly as it was.
public struct OverlayStore: StoreBackend {
    /// The store read from and never written to.
    public let base: any StoreBackend
    /// Everything the dry run wrote.
    public let top: InMemoryStore

    public init(over base: any StoreBackend) {
        self.base = base
        top = InMemoryStore()
    }

    public func counters() async -> StoreCounters {
        await top.counters()
    }

    public func put(_ bytes: [UInt8]) async throws -> Digest {
        try await top.put(bytes)
    }

    public func get(_ digest: Digest) async throws -> [UInt8]? {
        if let bytes = await top.get(digest) { return bytes }
        return try await base.get(digest)
    }

    public func has(_ digest: Digest) async throws -> Bool {
        if await top.has(digest) { return true }
        return try await base.has(digest)
    }

    public func lookup(call key: Digest) async throws -> CachedCall? {
        if let call = await top.lookup(call: key) { return call }
        return try await base.lookup(call: key)
    }

    public func record(_ call: CallRecord) async throws {
        try await top.record(call)
    }

    public func lookup(task key: Digest) async throws -> CachedTask? {
        if let task = await top.lookup(task: key) { return task }
        return try await base.lookup(task: key)
    }

    public func record(_ task: TaskRecord) async throws {
        try await top.record(task)
    }

    public func record(_ version: VersionRecord) async throws {
        await top.record(version)
    }

    public func versions() async throws -> [VersionRecord] {
        try await base.versions() + top.versions()
    }

    public func tag(_ name: String, version id: String) async throws {
        throw StoreError("a dry run does not tag versions")
    }

    public func recordRows(
        _ rows: [VersionRow], lineages: [Digest: String], version id: String
    ) async throws {
        try await top.recordRows(rows, lineages: lineages, version: id)
    }

    public func foldRows<Result: Sendable>(
        version id: String, into initial: Result,
        _ update: @escaping @Sendable (inout Result, VersionRow) throws -> Void
    ) async throws -> Result {
        if await top.hasRows(version: id) {
            return try await top.foldRows(version: id, into: initial, update)
        }
        return try await base.foldRows(version: id, into: initial, update)
    }

    public func lineages(_ digests: Set<Digest>) async throws -> [Digest: String] {
        let found = await top.lineages(digests)
        return try await base.lineages(digests.subtracting(found.keys)).merging(found) { $1 }
    }

    public func record(_ build: BuildRecord) async throws {
        await top.record(build)
    }

    public func lastBuild() async throws -> BuildRecord? {
        if let build = await top.lastBuild() { return build }
        return try await base.lastBuild()
    }

    /// The base's report: the overlay holds nothing worth verifying.
    public func verify() async throws -> VerificationReport {
        try await base.verify()
    }

    public func statistics() async throws -> StoreStatistics {
        try await base.statistics()
    }

    /// A dry run removes nothing: reports what the base would remove.
    public func collectGarbage(
        retaining retention: Retention, dryRun: Bool
    ) async throws
        -> GarbageCollectionReport
    {
        try await base.collectGarbage(retaining: retention, dryRun: true)
    }

    /// A dry run removes nothing: reports what the base would remove.
    public func collectGarbage(
        before cutoff: Date, dryRun: Bool
    ) async throws
        -> GarbageCollectionReport
    {
        try await base.collectGarbage(before: cutoff, dryRun: true)
    }
}
