internal import Basics
public import Foundation
internal import GRDB

extension SQLiteStore {
    public func tag(_ name: String, version id: String) async throws {
        do {
            try await pool.write { db in
                guard
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM versions WHERE id = ?)",
                        arguments: [id]) == true
                else { throw StoreError("no version '\(id)' in the store") }
                try db.execute(
                    sql: "UPDATE versions SET tag = NULL WHERE tag = ?", arguments: [name])
                try db.execute(
                    sql: "UPDATE versions SET tag = ? WHERE id = ?", arguments: [name, id])
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database("tag a version in", path: path, error)
        }
    }

    public func collectGarbage(
        retaining retention: Retention, dryRun: Bool
    ) async throws -> GarbageCollectionReport {
        let since = retention.since.timeIntervalSince1970
        do {
            return try await pool.writeWithoutTransaction { db in
                var counts = (versions: 0, calls: 0, tasks: 0, blobs: 0, bytes: 0)
                try db.inTransaction(.immediate) {
                    try Self.fillKeep(db, retention)
                    try db.execute(
                        sql: "DELETE FROM versions WHERE id NOT IN (SELECT id FROM temp.keep)")
                    counts.versions = db.changesCount
                    // The rows of versions gone (or never recorded), and the lineages no row names.
                    try db.execute(
                        sql: """
                            DELETE FROM version_records
                            WHERE version NOT IN (SELECT id FROM versions)
                            """)
                    try db.execute(
                        sql: """
                            DELETE FROM lineages
                            WHERE digest NOT IN (SELECT lineage FROM version_records)
                            """)
                    let calls = try Self.deleteCalls(
                        db, where: "created < ? AND key NOT IN (SELECT id FROM temp.keep)",
                        [since])
                    counts.calls = calls.calls
                    try db.execute(
                        sql: """
                            DELETE FROM tasks WHERE created < ?
                                AND key NOT IN (SELECT id FROM temp.keep)
                            """, arguments: [since])
                    counts.tasks = db.changesCount
                    (counts.blobs, counts.bytes) = try Self.sweepBlobs(
                        db, before: since, keeping: "UNION SELECT id FROM temp.keep")
                    counts.blobs += calls.bodies
                    counts.bytes += calls.bytes
                    try db.execute(sql: "DROP TABLE temp.keep")
                    return dryRun ? .rollback : .commit
                }
                if !dryRun {
                    try db.execute(sql: "VACUUM")
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
                var report = GarbageCollectionReport(
                    cutoff: retention.since, dryRun: dryRun, calls: counts.calls,
                    tasks: counts.tasks, blobs: counts.blobs, blobBytes: counts.bytes)
                report.versions = counts.versions
                return report
            }
        } catch {
            throw StoreError.database("collect garbage in", path: path, error)
        }
    }

    /// A temporary table of every id, key and digest `retention` keeps.
    private static func fillKeep(_ db: Database, _ retention: Retention) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS keep (id TEXT PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM temp.keep")
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO temp.keep (id) VALUES (?)")
        for id in retention.versions { try insert.execute(arguments: [id]) }
        for digest in retention.tasks.union(retention.calls).union(retention.blobs) {
            try insert.execute(arguments: [digest.hex])
        }
    }
}
