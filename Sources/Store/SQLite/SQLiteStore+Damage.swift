internal import Basics
internal import Foundation
internal import GRDB

/// Deliberate damage with raw SQL, bypassing every check, as a failing disk or a careless hand
/// would do it: for tests.
extension SQLiteStore {
    /// Flips the lowest bit of the first byte of each blob, keeping its digest: in the blobs
    /// table and in the rows of calls whose request or response it is.
    func corrupt(_ digests: [Digest]) async throws {
        try await pool.write { db in
            for digest in digests {
                for role in ["request", "response"] {
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT rowid, \(role)_body FROM calls WHERE \(role) = ?",
                        arguments: [digest.hex])
                    for row in rows {
                        guard let body: Data = row[1] else { continue }
                        try db.execute(
                            sql: "UPDATE calls SET \(role)_body = ? WHERE rowid = ?",
                            arguments: [Self.flipped(body), row[0] as Int64])
                    }
                }
                guard
                    let bytes = try Data.fetchOne(
                        db, sql: "SELECT bytes FROM blobs WHERE digest = ?",
                        arguments: [digest.hex])
                else { continue }
                try db.execute(
                    sql: "UPDATE blobs SET bytes = ? WHERE digest = ?",
                    arguments: [Self.flipped(bytes), digest.hex])
            }
        }
    }

    /// `bytes` with the lowest bit of the first byte flipped (one zero byte for none).
    private static func flipped(_ bytes: Data) -> Data {
        var bytes = bytes
        if bytes.isEmpty { return Data([0]) }
        bytes[bytes.startIndex] ^= 0x01
        return bytes
    }

    /// Removes a blob whatever references it: from the blobs table and from the rows of calls
    /// whose request or response it is.
    func remove(_ digest: Digest) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM blobs WHERE digest = ?", arguments: [digest.hex])
            try db.execute(
                sql: "UPDATE calls SET request_body = NULL WHERE request = ?",
                arguments: [digest.hex])
            try db.execute(
                sql: "UPDATE calls SET response_body = NULL WHERE response = ?",
                arguments: [digest.hex])
        }
    }

    /// Runs `sql` as it is.
    func executeRawSQL(_ sql: String) async throws {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

/// Looking inside a store, for tests that check what was committed.
extension SQLiteStore {
    /// Every recorded call: its key, the digests of its request and response, and the request
    /// body as stored.
    func callEntries() async throws -> [(
        key: Digest, request: Digest, response: Digest, requestBody: [UInt8]?
    )] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, request, response, request_body FROM calls")
                .compactMap { row in
                    guard let key = Digest(hex: row["key"]),
                        let request = Digest(hex: row["request"]),
                        let response = Digest(hex: row["response"])
                    else { return nil }
                    let body: Data? = row["request_body"]
                    return (key, request, response, body.map { [UInt8]($0) })
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
