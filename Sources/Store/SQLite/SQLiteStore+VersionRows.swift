public import Basics
internal import Foundation
internal import GRDB

extension SQLiteStore {
    public func recordRows(
        _ rows: [VersionRow], lineages: [Digest: String], version id: String
    ) async throws {
        try Task.checkCancellation()
        do {
            try await pool.write { db in
                let lineage = try db.makeStatement(
                    sql: "INSERT OR IGNORE INTO lineages (digest, stages) VALUES (?, ?)")
                for (digest, text) in lineages {
                    try lineage.execute(arguments: [digest.hex, text])
                }
                guard
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM version_records WHERE version = ?)",
                        arguments: [id]) != true
                else { return }
                let insert = try db.makeStatement(
                    sql: """
                        INSERT INTO version_records (version, position, output, id, item,
                            discipline, bucket, digest, lineage)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for (position, row) in rows.enumerated() {
                    try insert.execute(arguments: [
                        id, position, row.output, row.id, row.item, row.discipline, row.bucket,
                        row.digest.hex, row.lineage.hex,
                    ])
                }
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StoreError.database("record the records of a version in", path: path, error)
        }
    }

    public func foldRows<Result: Sendable>(
        version id: String, into initial: Result,
        _ update: @escaping @Sendable (inout Result, VersionRow) throws -> Void
    ) async throws -> Result {
        try await reading("read the records of a version in") { db in
            var result = initial
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT output, id, item, discipline, bucket, digest, lineage
                    FROM version_records WHERE version = ? ORDER BY position
                    """, arguments: [id])
            while let row = try rows.next() {
                guard let digest = try Self.digest(row, 5), let lineage = try Self.digest(row, 6)
                else {
                    throw StoreError(
                        "record '\(row[1] as String)' of version '\(id)' names something that "
                            + "is not a digest")
                }
                try update(
                    &result,
                    VersionRow(
                        output: row[0], id: row[1], item: row[2], discipline: row[3],
                        bucket: row[4], digest: digest, lineage: lineage))
            }
            return result
        }
    }

    public func lineages(_ digests: Set<Digest>) async throws -> [Digest: String] {
        try await reading("read lineages in") { db in
            var found: [Digest: String] = [:]
            let select = try db.makeStatement(sql: "SELECT stages FROM lineages WHERE digest = ?")
            for digest in digests {
                if let text = try String.fetchOne(select, arguments: [digest.hex]) {
                    found[digest] = text
                }
            }
            return found
        }
    }

    /// The digest in column `index` of `row`, parsed from its hexadecimal text in place.
    private static func digest(_ row: Row, _ index: Int) throws -> Digest? {
        try row.withUnsafeData(atIndex: index) { data in
            data?.withUnsafeBytes { Digest(hexBytes: $0) }
        }
    }
}
