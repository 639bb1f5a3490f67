internal import Basics
internal import Foundation
internal import GRDB

/// One point read for the group reader: a lookup by digest or key.
enum PointQuery: Sendable {
    case blob(Digest)
    case exists(Digest)
    case call(Digest)
    /// A call's response digest and blob only.
    case response(Digest)
    case task(Digest)

    /// What a query found. Entries come with their body's bytes (a call's response from its row,
    /// a task's output from its blob), still to be verified, and an empty `response` or
    /// `output`.
    enum Answer: Sendable {
        case blob(Data?)
        case exists(Bool)
        case call(CachedCall?, Data?)
        case response(Digest?, Data?)
        case task(CachedTask?, Data?)
    }

    /// Runs the query inside the caller's read transaction.
    func run(_ db: Database) throws -> Answer {
        switch self {
        case .blob(let digest):
            return .blob(
                try Data.fetchOne(
                    db.cachedStatement(sql: "SELECT bytes FROM blobs WHERE digest = ?"),
                    arguments: [digest.hex]))
        case .exists(let digest):
            return .exists(
                try Bool.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT EXISTS (SELECT 1 FROM blobs WHERE digest = ?)"),
                    arguments: [digest.hex]) ?? false)
        case .call(let key):
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT key_json, request, response, model, endpoint, tokens_in,
                                tokens_out, latency_us, created, response_body
                            FROM calls WHERE key = ?
                            """), arguments: [key.hex]),
                let request = Digest(hex: row[1]), let response = Digest(hex: row[2])
            else { return .call(nil, nil) }
            let call = CachedCall(
                key: key, keyJSON: row[0], requestDigest: request, responseDigest: response,
                response: [], model: row[3], endpoint: row[4], tokensIn: row[5], tokensOut: row[6],
                latency: .microseconds(row[7] as Int64),
                created: Date(timeIntervalSince1970: row[8]))
            return .call(call, row[9])
        case .response(let key):
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT response, response_body FROM calls WHERE key = ?
                            """), arguments: [key.hex]),
                let response = Digest(hex: row[0])
            else { return .response(nil, nil) }
            return .response(response, row[1])
        case .task(let key):
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT t.key_json, t.node, t.output, t.created, b.bytes
                            FROM tasks t LEFT JOIN blobs b ON b.digest = t.output
                            WHERE t.key = ?
                            """), arguments: [key.hex]),
                let output = Digest(hex: row[2])
            else { return .task(nil, nil) }
            let task = CachedTask(
                key: key, keyJSON: row[0], node: row[1], outputDigest: output, output: [],
                created: Date(timeIntervalSince1970: row[3]))
            return .task(task, row[4])
        }
    }
}
