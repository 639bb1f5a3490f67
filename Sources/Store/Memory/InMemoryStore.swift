public import Basics
public import Foundation

/// A store held in memory, with the same behaviour as ``SQLiteStore``: for tests of the modules
/// that use a store. Every put and record counts as one transaction.
public actor InMemoryStore: StoreBackend {
    struct BlobEntry {
        var bytes: [UInt8]
        var created: Date
    }

    /// A call with its bodies, as SQLite keeps them in the call's row (nil once removed).
    struct CallEntry {
        var record: CallRecord
        let request: Digest
        let response: Digest
        var requestBody: [UInt8]?
        var responseBody: [UInt8]?
        let created: Date
    }

    struct TaskEntry {
        let record: TaskRecord
        let output: Digest
        let created: Date
    }

    var blobs: [Digest: BlobEntry] = [:]
    var calls: [Digest: CallEntry] = [:]
    var tasks: [Digest: TaskEntry] = [:]
    var versionRecords: [String: VersionRecord] = [:]
    /// The record index of each version, in order.
    var versionRows: [String: [VersionRow]] = [:]
    /// Every lineage the rows name, by digest.
    var lineageTexts: [Digest: String] = [:]
    /// Builds in the order they were first recorded.
    var builds: [BuildRecord] = []
    var counts = StoreCounters()
    let clock: @Sendable () -> Date
    let onFault: StoreFaultHandler

    /// An empty store; `clock` stamps entries, `onFault` hears of corrupt blobs met on reads.
    public init(
        clock: @escaping @Sendable () -> Date = { Date() },
        onFault: @escaping StoreFaultHandler = { _ in }
    ) {
        self.clock = clock
        self.onFault = onFault
    }

    public func counters() -> StoreCounters {
        counts
    }

    // MARK: ContentStore

    public func put(_ bytes: [UInt8]) throws -> Digest {
        try Task.checkCancellation()
        let digest = Digest(of: bytes)
        store(bytes, as: digest, at: clock())
        commit()
        return digest
    }

    public func get(_ digest: Digest) -> [UInt8]? {
        guard let blob = blobs[digest] else { return nil }
        return verified(blob.bytes, digest, usedBy: [])
    }

    public func has(_ digest: Digest) -> Bool {
        blobs[digest] != nil
    }

    // MARK: CallCache

    public func lookup(call key: Digest) -> CachedCall? {
        guard let call = calls[key],
            let response = body(
                call.responseBody, call.response, usedBy: BlobReference(.call(key), .response))
        else {
            counts.callMisses += 1
            return nil
        }
        counts.callHits += 1
        let record = call.record
        return CachedCall(
            key: key, keyJSON: record.keyJSON, requestDigest: call.request,
            responseDigest: call.response, response: response, model: record.model,
            endpoint: record.endpoint, tokensIn: record.tokensIn, tokensOut: record.tokensOut,
            latency: .microseconds(record.latency.wholeMicroseconds),
            created: call.created)
    }

    public func record(_ call: CallRecord) throws {
        try Task.checkCancellation()
        let now = clock()
        let request = Digest(of: call.request)
        let response = Digest(of: call.response)
        calls[call.key] = CallEntry(
            record: call, request: request, response: response, requestBody: call.request,
            responseBody: call.response, created: now)
        commit()
    }

    // MARK: TaskCache

    public func lookup(task key: Digest) -> CachedTask? {
        guard let task = tasks[key],
            let output = referenced(task.output, by: BlobReference(.task(key), .output))
        else {
            counts.taskMisses += 1
            return nil
        }
        counts.taskHits += 1
        return CachedTask(
            key: key, keyJSON: task.record.keyJSON, node: task.record.node,
            outputDigest: task.output, output: output, created: task.created)
    }

    public func record(_ task: TaskRecord) throws {
        try Task.checkCancellation()
        let now = clock()
        let output = Digest(of: task.output)
        store(task.output, as: output, at: now)
        tasks[task.key] = TaskEntry(record: task, output: output, created: now)
        commit()
    }

    // MARK: VersionHistory, BuildHistory

    public func record(_ version: VersionRecord) {
        // Recording a version again moves its time and keeps its tag.
        versionRecords[version.id] =
            version.tag == nil
            ? version.tagged(versionRecords[version.id]?.tag) : version
        commit()
    }

    public func versions() -> [VersionRecord] {
        versionRecords.values.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }

    public func record(_ build: BuildRecord) {
        if let index = builds.firstIndex(where: { $0.id == build.id }) {
            builds[index] = build
        } else {
            builds.append(build)
        }
        commit()
    }

    public func lastBuild() -> BuildRecord? {
        // The latest start; among equal starts, the one recorded last (as SQLite's rowid).
        builds.enumerated().max {
            ($0.element.started, $0.offset) < ($1.element.started, $1.offset)
        }?
        .element
    }

    // MARK: Helpers

    private func store(_ bytes: [UInt8], as digest: Digest, at now: Date) {
        let created = max(blobs[digest]?.created ?? now, now)
        blobs[digest] = BlobEntry(bytes: bytes, created: created)
    }

    func commit() {
        counts.transactions += 1
        counts.writes += 1
    }

    private func referenced(_ digest: Digest, by reference: BlobReference) -> [UInt8]? {
        body(blobs[digest]?.bytes, digest, usedBy: reference)
    }

    /// `bytes` when they are there and hash to `digest`; otherwise nil, reported.
    private func body(
        _ bytes: [UInt8]?, _ digest: Digest, usedBy reference: BlobReference
    ) -> [UInt8]? {
        guard let bytes else {
            onFault(.missingBlob(digest, referencedBy: [reference]))
            return nil
        }
        return verified(bytes, digest, usedBy: [reference])
    }

    private func verified(
        _ bytes: [UInt8], _ digest: Digest, usedBy references: [BlobReference]
    )
        -> [UInt8]?
    {
        guard Digest(of: bytes) == digest else {
            counts.corruptReads += 1
            onFault(.corruptBlob(digest, referencedBy: references))
            return nil
        }
        return bytes
    }
}
