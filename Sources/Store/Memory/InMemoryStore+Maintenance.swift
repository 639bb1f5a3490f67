internal import Basics
public import Foundation

extension InMemoryStore {
    public func verify() -> VerificationReport {
        var corrupt: [Digest: [BlobReference]] = [:]
        var missing: [Digest: [BlobReference]] = [:]
        var mismatches: [StoreFault] = []
        var bodies = 0
        for (digest, blob) in blobs where Digest(of: blob.bytes) != digest {
            corrupt[digest] = []
        }
        func check(_ digest: Digest, _ reference: BlobReference) {
            if blobs[digest] == nil {
                missing[digest, default: []].append(reference)
            } else if corrupt[digest] != nil {
                corrupt[digest]!.append(reference)
            }
        }
        for (key, call) in calls.sorted(by: { $0.key < $1.key }) {
            if Digest(of: call.record.keyJSON) != key {
                mismatches.append(.keyMismatch(.call(key)))
            }
            // A call's bodies are its own, each counted as a blob.
            for (body, digest, role) in [
                (call.requestBody, call.request, BlobReference.Role.request),
                (call.responseBody, call.response, .response),
            ] {
                let reference = BlobReference(.call(key), role)
                guard let body else {
                    missing[digest, default: []].append(reference)
                    continue
                }
                bodies += 1
                if Digest(of: body) != digest { corrupt[digest, default: []].append(reference) }
            }
        }
        for (key, task) in tasks.sorted(by: { $0.key < $1.key }) {
            if Digest(of: task.record.keyJSON) != key {
                mismatches.append(.keyMismatch(.task(key)))
            }
            check(task.output, BlobReference(.task(key), .output))
        }
        for version in versions() {
            check(version.manifest, BlobReference(.version(version.id), .manifest))
            let rows = versionRows[version.id] ?? []
            for digest in Set(rows.map(\.digest)).sorted() {
                check(digest, BlobReference(.version(version.id), .record))
            }
            let unstored = rows.filter { lineageTexts[$0.lineage] == nil }.count
            if unstored > 0 {
                mismatches.append(
                    .database(
                        "version '\(version.id)': \(unstored) record(s) name a lineage not stored"
                    ))
            }
        }
        let faults = VerificationReport.faults(
            corrupt: corrupt, missing: missing, other: mismatches)
        return VerificationReport(
            blobs: blobs.count + bodies, calls: calls.count, tasks: tasks.count,
            versions: versionRecords.count, faults: faults)
    }

    public func statistics() -> StoreStatistics {
        let (bodies, bodyBytes) = Self.bodies(of: calls.values)
        return StoreStatistics(
            blobs: blobs.count + bodies,
            blobBytes: blobs.values.reduce(0) { $0 + $1.bytes.count } + bodyBytes,
            calls: calls.count, tasks: tasks.count, versions: versionRecords.count,
            builds: builds.count, fileBytes: nil, lastBuild: lastBuild())
    }

    public func collectGarbage(before cutoff: Date, dryRun: Bool) -> GarbageCollectionReport {
        let oldCalls = calls.filter { $0.value.created < cutoff }
        let oldTasks = tasks.filter { $0.value.created < cutoff }
        var referenced = Set<Digest>()
        for (key, task) in tasks where oldTasks[key] == nil { referenced.insert(task.output) }
        for version in versionRecords.values {
            referenced.insert(version.manifest)
            referenced.insert(version.recipe)
        }
        for rows in versionRows.values { for row in rows { referenced.insert(row.digest) } }
        let oldBlobs = blobs.filter { $0.value.created < cutoff && !referenced.contains($0.key) }
        if !dryRun {
            for key in oldCalls.keys { calls[key] = nil }
            for key in oldTasks.keys { tasks[key] = nil }
            for key in oldBlobs.keys { blobs[key] = nil }
        }
        let (bodies, bodyBytes) = Self.bodies(of: oldCalls.values)
        return GarbageCollectionReport(
            cutoff: cutoff, dryRun: dryRun, calls: oldCalls.count, tasks: oldTasks.count,
            blobs: oldBlobs.count + bodies,
            blobBytes: oldBlobs.values.reduce(0) { $0 + $1.bytes.count } + bodyBytes)
    }

    /// How many bodies `calls` hold, and their bytes.
    static func bodies(of calls: some Collection<CallEntry>) -> (Int, Int) {
        let bodies = calls.flatMap { [$0.requestBody, $0.responseBody] }.compactMap { $0 }
        return (bodies.count, bodies.reduce(0) { $0 + $1.count })
    }
}

extension InMemoryStore {
    public func tag(_ name: String, version id: String) throws {
        guard versionRecords[id] != nil else { throw StoreError("no version '\(id)' in the store") }
        for (key, version) in versionRecords where version.tag == name {
            versionRecords[key] = version.tagged(nil)
        }
        versionRecords[id] = versionRecords[id]?.tagged(name)
    }

    public func collectGarbage(
        retaining retention: Retention, dryRun: Bool
    ) -> GarbageCollectionReport {
        let since = retention.since
        let goneVersions = versionRecords.keys.filter { !retention.versions.contains($0) }
        let goneCalls = calls.filter {
            $0.value.created < since && !retention.calls.contains($0.key)
        }
        let goneTasks = tasks.filter {
            $0.value.created < since && !retention.tasks.contains($0.key)
        }
        var referenced = retention.blobs
        for (key, task) in tasks where goneTasks[key] == nil { referenced.insert(task.output) }
        for (id, version) in versionRecords where retention.versions.contains(id) {
            referenced.insert(version.manifest)
            for row in versionRows[id] ?? [] { referenced.insert(row.digest) }
        }
        let goneBlobs = blobs.filter { $0.value.created < since && !referenced.contains($0.key) }
        if !dryRun {
            for id in goneVersions { versionRecords[id] = nil }
            dropUnrecordedRows()
            for key in goneCalls.keys { calls[key] = nil }
            for key in goneTasks.keys { tasks[key] = nil }
            for key in goneBlobs.keys { blobs[key] = nil }
        }
        let (bodies, bodyBytes) = Self.bodies(of: goneCalls.values)
        var report = GarbageCollectionReport(
            cutoff: since, dryRun: dryRun, calls: goneCalls.count, tasks: goneTasks.count,
            blobs: goneBlobs.count + bodies,
            blobBytes: goneBlobs.values.reduce(0) { $0 + $1.bytes.count } + bodyBytes)
        report.versions = goneVersions.count
        return report
    }
}
