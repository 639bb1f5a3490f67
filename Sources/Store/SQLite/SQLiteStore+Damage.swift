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

/// Looking inside a store, for tests that check what was committed.
extension SQLiteStore {
    /// Every recorded call: its key and the digests of its request and response blobs.
    func callEntries() async throws -> [(key: Digest, request: Digest, response: Digest)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, request, response FROM calls").compactMap {
                row in
                guard let key = Digest(hex: row["key"]), let request = Digest(hex: row["request"]),
                    let response = Digest(hex: row["response"])
                else { return nil }
                return (key, request, response)
            }
        }
    }
}

extension SQLiteStore {
    /// How many lineages the store keeps: for tests of their sharing.
    func lineageCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lineages") ?? 0
        }
    }
}
