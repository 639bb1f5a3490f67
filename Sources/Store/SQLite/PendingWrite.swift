internal import Basics
internal import Foundation
internal import GRDB

/// One row for the group-commit writer; a put or a record is a few of these, committed together.
enum PendingWrite: Sendable {
    case blob(Digest, [UInt8])
    case call(CallRecord, request: Digest, response: Digest)
    case task(TaskRecord, output: Digest)
    case version(VersionRecord)
    case build(BuildRecord)

    /// Bytes this write carries, to bound the size of a batch.
    var size: Int {
        switch self {
        case .blob(_, let bytes): bytes.count
        case .call(let call, _, _):
            call.keyJSON.utf8.count + call.request.count + call.response.count
        case .task(let task, _): task.keyJSON.utf8.count
        case .version, .build: 0
        }
    }

    /// Writes the row inside the caller's transaction, stamping entries with `created`.
    func apply(_ db: Database, created: Double) throws {
        switch self {
        case .blob(let digest, let bytes):
            // Storing a blob again refreshes its time, so garbage collection cannot take it
            // before whatever is about to reference it; and rewrites its bytes, which repairs a
            // blob that was corrupt.
            try db.cachedStatement(
                sql: """
                    INSERT INTO blobs (digest, bytes, created) VALUES (?, ?, ?)
                    ON CONFLICT (digest) DO UPDATE
                    SET bytes = excluded.bytes, created = max(created, excluded.created)
                    """
            ).execute(arguments: [digest.hex, Data(bytes), created])
        case .call(let call, let request, let response):
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO calls (key, key_json, request, response, request_body,
                        response_body, model, endpoint, tokens_in, tokens_out, latency_us, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                call.key.hex, call.keyJSON, request.hex, response.hex, Data(call.request),
                Data(call.response), call.model, call.endpoint, call.tokensIn, call.tokensOut,
                call.latency.wholeMicroseconds, created,
            ])
        case .task(let task, let output):
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO tasks (key, key_json, node, output, created)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [task.key.hex, task.keyJSON, task.node, output.hex, created])
        case .version(let version):
            try db.cachedStatement(
                sql: """
                    INSERT INTO versions (id, recipe, manifest, created, tag)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET created = excluded.created,
                        tag = coalesce(excluded.tag, versions.tag)
                    """
            ).execute(arguments: [
                version.id, version.recipe.hex, version.manifest.hex,
                version.created.timeIntervalSince1970, version.tag,
            ])
        case .build(let build):
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO builds (id, started, finished, calls_sent, calls_cached)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                build.id, build.started.timeIntervalSince1970,
                build.finished?.timeIntervalSince1970,
                build.callsSent, build.callsCached,
            ])
        }
    }

}
