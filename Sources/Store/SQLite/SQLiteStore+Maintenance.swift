internal import Basics
public import Foundation
internal import GRDB

extension SQLiteStore {
    public func verify() async throws -> VerificationReport {
        try await reading("verify") { db in
            var audit = BlobAudit()
            let blobs = try Row.fetchCursor(db, sql: "SELECT digest, bytes FROM blobs")
            while let row = try blobs.next() {
                audit.blobs += 1
                let hex: String = row[0]
                guard let digest = Digest(hex: hex) else {
                    audit.other.append(.database("a blob is stored under '\(hex)', not a digest"))
                    continue
                }
                let actual = try row.withUnsafeData(atIndex: 1) { $0.map { Digest(of: $0) } }
                if actual != digest {
                    audit.corrupt[digest] = []
                }
            }
            // A call's bodies are in its row.
            let calls = try Row.fetchCursor(
                db,
                sql: """
                    SELECT key, key_json, request, request_body, response, response_body
                    FROM calls
                    """)
            while let row = try calls.next() {
                try audit.checkCall(row)
            }
            // Each other entry: its kind, id, key JSON, then (role, digest, whether the blob
            // exists).
            let entries = try Row.fetchCursor(
                db,
                sql: """
                    SELECT 'task', key, key_json, 'output', output,
                        EXISTS (SELECT 1 FROM blobs WHERE digest = output)
                    FROM tasks
                    UNION ALL
                    SELECT 'version', id, NULL, 'manifest', manifest,
                        EXISTS (SELECT 1 FROM blobs WHERE digest = manifest)
                    FROM versions
                    """)
            while let row = try entries.next() {
                try audit.check(row)
            }
            // The record bodies of versions (each distinct body once a version), with whether
            // the blob exists; and rows whose lineage is not stored.
            let records = try Row.fetchCursor(
                db,
                sql: """
                    SELECT 'version', version, NULL, 'record', digest,
                        EXISTS (SELECT 1 FROM blobs WHERE blobs.digest = r.digest)
                    FROM (
                        SELECT DISTINCT version, digest FROM version_records
                        WHERE version IN (SELECT id FROM versions)) r
                    """)
            while let row = try records.next() {
                try audit.check(row, counting: false)
            }
            for (version, count) in try Row.fetchAll(
                db,
                sql: """
                    SELECT version, count(*) FROM version_records
                    WHERE lineage NOT IN (SELECT digest FROM lineages)
                        AND version IN (SELECT id FROM versions)
                    GROUP BY version
                    """
            ).map({ ($0[0] as String, $0[1] as Int) }) {
                audit.other.append(
                    .database("version '\(version)': \(count) record(s) name a lineage not stored"))
            }
            for message in try String.fetchAll(db, sql: "PRAGMA integrity_check")
            where message != "ok" {
                audit.other.append(.database(message))
            }
            return audit.report
        }
    }

    public func statistics() async throws -> StoreStatistics {
        let fileBytes = ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
        return try await reading("read") { db in
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM blobs)
                            + (SELECT count(request_body) + count(response_body) FROM calls),
                        (SELECT coalesce(sum(length(bytes)), 0) FROM blobs)
                            + (SELECT coalesce(sum(length(request_body) + length(response_body)), 0)
                                FROM calls),
                        (SELECT count(*) FROM calls), (SELECT count(*) FROM tasks),
                        (SELECT count(*) FROM versions), (SELECT count(*) FROM builds)
                    """)!
            return StoreStatistics(
                blobs: counts[0], blobBytes: counts[1], calls: counts[2], tasks: counts[3],
                versions: counts[4], builds: counts[5], fileBytes: fileBytes,
                lastBuild: try Self.lastBuild(db))
        }
    }

    public func collectGarbage(
        before cutoff: Date, dryRun: Bool
    ) async throws
        -> GarbageCollectionReport
    {
        let time = cutoff.timeIntervalSince1970
        do {
            return try await pool.writeWithoutTransaction { db in
                var counts = (calls: 0, tasks: 0, blobs: 0, bytes: 0)
                // A dry run does the same deletions and rolls them back, so it reports exactly
                // what a real run would remove.
                try db.inTransaction(.immediate) {
                    let calls = try Self.deleteCalls(db, where: "created < ?", [time])
                    counts.calls = calls.calls
                    try db.execute(sql: "DELETE FROM tasks WHERE created < ?", arguments: [time])
                    counts.tasks = db.changesCount
                    (counts.blobs, counts.bytes) = try Self.sweepBlobs(db, before: time)
                    counts.blobs += calls.bodies
                    counts.bytes += calls.bytes
                    return dryRun ? .rollback : .commit
                }
                return GarbageCollectionReport(
                    cutoff: cutoff, dryRun: dryRun, calls: counts.calls, tasks: counts.tasks,
                    blobs: counts.blobs, blobBytes: counts.bytes)
            }
        } catch {
            throw StoreError.database("collect garbage in", path: path, error)
        }
    }
}

extension SQLiteStore {
    /// Deletes the calls `condition` selects, with the bodies in their rows; how many calls,
    /// bodies and body bytes went.
    static func deleteCalls(
        _ db: Database, where condition: String, _ arguments: StatementArguments
    ) throws -> (calls: Int, bodies: Int, bytes: Int) {
        let gone = try Row.fetchOne(
            db,
            sql: """
                SELECT count(request_body) + count(response_body),
                    coalesce(sum(length(request_body) + length(response_body)), 0)
                FROM calls WHERE \(condition)
                """, arguments: arguments)!
        try db.execute(sql: "DELETE FROM calls WHERE \(condition)", arguments: arguments)
        return (db.changesCount, gone[0], gone[1])
    }

    /// Deletes blobs stored before `time` that no task, version or version's record
    /// references (nor the ids `keeping`, a `UNION SELECT …` clause, names); their number and
    /// bytes. (A call's bodies are in its row and go with it.)
    static func sweepBlobs(
        _ db: Database, before time: Double, keeping: String = ""
    ) throws -> (Int, Int) {
        let unreferenced = """
            created < ? AND digest NOT IN (
                SELECT output FROM tasks
                UNION SELECT manifest FROM versions UNION SELECT recipe FROM versions
                UNION SELECT digest FROM version_records \(keeping))
            """
        let blobs = try Row.fetchOne(
            db,
            sql: "SELECT count(*), coalesce(sum(length(bytes)), 0) FROM blobs WHERE "
                + unreferenced, arguments: [time])!
        try db.execute(sql: "DELETE FROM blobs WHERE " + unreferenced, arguments: [time])
        return (blobs[0], blobs[1])
    }
}

/// What verification has found so far.
private struct BlobAudit {
    var blobs = 0
    var calls = 0
    var tasks = 0
    var versions = 0
    /// Corrupt blobs, with the entries found using them.
    var corrupt: [Digest: [BlobReference]] = [:]
    /// Missing blobs, with the entries that point at them.
    var missing: [Digest: [BlobReference]] = [:]
    var other: [StoreFault] = []

    mutating func check(_ row: Row, counting: Bool = true) throws {
        let kind: String = row[0]
        let id: String = row[1]
        switch kind {
        case _ where !counting: break
        case "task": tasks += 1
        default: versions += 1
        }
        let entry: StoreEntry
        switch (kind, Digest(hex: id)) {
        case ("task", let key?): entry = .task(key)
        case ("version", _): entry = .version(id)
        default:
            other.append(.database("a \(kind) is stored under '\(id)', not a digest"))
            return
        }
        if let json: String = row[2], Digest(of: json).hex != id {
            other.append(.keyMismatch(entry))
        }
        let reference = BlobReference(entry, BlobReference.Role(rawValue: row[3])!)
        let hex: String = row[4]
        guard let digest = Digest(hex: hex) else {
            other.append(.database("\(reference) is '\(hex)', not a digest"))
            return
        }
        if !(row[5] as Bool) {
            missing[digest, default: []].append(reference)
        } else if corrupt[digest] != nil {
            corrupt[digest]!.append(reference)
        }
    }

    /// Checks a call row (key, key JSON, request digest and body, response digest and body):
    /// its key against its JSON, and each body, which counts as a blob, against its digest.
    mutating func checkCall(_ row: Row) throws {
        calls += 1
        let id: String = row[0]
        guard let key = Digest(hex: id) else {
            other.append(.database("a call is stored under '\(id)', not a digest"))
            return
        }
        if Digest(of: row[1] as String) != key {
            other.append(.keyMismatch(.call(key)))
        }
        for (column, role) in [(2, BlobReference.Role.request), (4, .response)] {
            let reference = BlobReference(.call(key), role)
            let hex: String = row[column]
            guard let digest = Digest(hex: hex) else {
                other.append(.database("\(reference) is '\(hex)', not a digest"))
                continue
            }
            let actual = try row.withUnsafeData(atIndex: column + 1) { $0.map { Digest(of: $0) } }
            guard let actual else {
                missing[digest, default: []].append(reference)
                continue
            }
            blobs += 1
            if actual != digest { corrupt[digest, default: []].append(reference) }
        }
    }

    var report: VerificationReport {
        let faults = VerificationReport.faults(
            corrupt: corrupt, missing: missing, other: other)
        return VerificationReport(
            blobs: blobs, calls: calls, tasks: tasks, versions: versions, faults: faults)
    }
}
