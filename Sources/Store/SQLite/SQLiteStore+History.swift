internal import Basics
internal import Foundation
internal import GRDB

extension SQLiteStore {
    public func record(_ version: VersionRecord) async throws {
        try await writer.commit([.version(version)])
    }

    public func versions() async throws -> [VersionRecord] {
        try await reading("read") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, recipe, manifest, created, tag FROM versions ORDER BY created, id"
            ).compactMap { row in
                guard let recipe = Digest(hex: row[1]), let manifest = Digest(hex: row[2]) else {
                    return nil
                }
                return VersionRecord(
                    id: row[0], recipe: recipe, manifest: manifest,
                    created: Date(timeIntervalSince1970: row[3]), tag: row[4])
            }
        }
    }

    public func record(_ build: BuildRecord) async throws {
        try await writer.commit([.build(build)])
    }

    public func lastBuild() async throws -> BuildRecord? {
        try await reading("read") { db in try Self.lastBuild(db) }
    }

    static func lastBuild(_ db: Database) throws -> BuildRecord? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, started, finished, calls_sent, calls_cached FROM builds
                    ORDER BY started DESC, rowid DESC LIMIT 1
                    """)
        else { return nil }
        let finished: Double? = row[2]
        return BuildRecord(
            id: row[0], started: Date(timeIntervalSince1970: row[1]),
            finished: finished.map(Date.init(timeIntervalSince1970:)), callsSent: row[3],
            callsCached: row[4])
    }
}
