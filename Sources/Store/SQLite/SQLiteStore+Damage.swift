internal import Basics
internal import Foundation
internal import GRDB

/// Deliberate damage with raw SQL, bypassing every check, as a failing disk or a careless hand
/// would do it: for tests.
extension SQLiteStore {
    /// Flips the lowest bit of the first byte of each blob, keeping its digest.
    func corrupt(_ digests: [Digest]) async throws {
        try await pool.write { db in
            for digest in digests {
                guard
                    var bytes = try Data.fetchOne(
                        db, sql: "SELECT bytes FROM blobs WHERE digest = ?",
                        arguments: [digest.hex])
                else { continue }
                if bytes.isEmpty { bytes = Data([0]) } else { bytes[bytes.startIndex] ^= 0x01 }
                try db.execute(
                    sql: "UPDATE blobs SET bytes = ? WHERE digest = ?",
                    arguments: [bytes, digest.hex])
            }
        }
    }

    /// Runs `sql` as it is.
    func executeRawSQL(_ sql: String) async throws {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
