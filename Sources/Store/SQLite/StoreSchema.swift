internal import GRDB

/// The versioned schema of ``SQLiteStore``: step `n` takes a store from version `n` to `n + 1`.
///
/// The version is SQLite's `user_version`, read and raised inside one immediate transaction, so
/// two processes opening a new store at once cannot both migrate it.
enum StoreSchema {
    /// Digests are stored as 64 lowercase hexadecimal digits, so the database reads well in the
    /// `sqlite3` shell; times are seconds since 1970. A call's bodies live in its row
    /// (`request_body`, `response_body`, hashing to `request` and `response`); every other
    /// body is a blob.
    static let steps: [String] = [
        """
        CREATE TABLE blobs (
            digest TEXT PRIMARY KEY NOT NULL,
            bytes BLOB NOT NULL,
            created REAL NOT NULL
        );
        CREATE TABLE calls (
            key TEXT PRIMARY KEY NOT NULL,
            key_json TEXT NOT NULL,
            request TEXT NOT NULL,
            response TEXT NOT NULL,
            model TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            tokens_in INTEGER NOT NULL,
            tokens_out INTEGER NOT NULL,
            latency_us INTEGER NOT NULL,
            created REAL NOT NULL
        );
        CREATE TABLE tasks (
            key TEXT PRIMARY KEY NOT NULL,
            key_json TEXT NOT NULL,
            node TEXT NOT NULL,
            output TEXT NOT NULL,
            created REAL NOT NULL
        );
        CREATE TABLE versions (
            id TEXT PRIMARY KEY NOT NULL,
            recipe TEXT NOT NULL,
            manifest TEXT NOT NULL,
            created REAL NOT NULL,
            tag TEXT
        );
        CREATE TABLE builds (
            id TEXT PRIMARY KEY NOT NULL,
            started REAL NOT NULL,
            finished REAL,
            calls_sent INTEGER NOT NULL,
            calls_cached INTEGER NOT NULL
        );
        CREATE INDEX builds_started ON builds(started);
        """,
        // A call keeps its request and response bodies in its own row (still verified against
        // their digests on every read): one B-tree insert a call instead of three, which halves
        // the store's cost of a missed call. Bodies of existing calls are copied in; the blobs
        // they leave behind are unreferenced and go at the next `cache gc`.
        """
        ALTER TABLE calls ADD COLUMN request_body BLOB;
        ALTER TABLE calls ADD COLUMN response_body BLOB;
        UPDATE calls SET
            request_body = (SELECT bytes FROM blobs WHERE digest = calls.request),
            response_body = (SELECT bytes FROM blobs WHERE digest = calls.response);
        """,
        // The record index of each version, a row a record in order, and each distinct lineage
        // (stage → task key, as canonical JSON) once, by the digest of its text: records of one
        // item share a lineage, and most records are the same from one version to the next.
        """
        CREATE TABLE lineages (
            digest TEXT PRIMARY KEY NOT NULL,
            stages TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE version_records (
            version TEXT NOT NULL,
            position INTEGER NOT NULL,
            output TEXT NOT NULL,
            id TEXT NOT NULL,
            item TEXT NOT NULL,
            discipline TEXT,
            bucket TEXT,
            digest TEXT NOT NULL,
            lineage TEXT NOT NULL,
            PRIMARY KEY (version, position)
        ) WITHOUT ROWID;
        """,
    ]

    /// The schema version this code writes.
    static var version: Int { steps.count }

    /// Brings the database to ``version``; throws when it is newer than this code knows, or
    /// when it has no schema yet and `create` is false (it is not a store).
    static func migrate(_ pool: DatabasePool, path: String, create: Bool) throws {
        let current = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if current == version { return }
        if current == 0 && !create { throw StoreError("'\(path)' is not a frontier store") }
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard current <= version else {
                    throw StoreError.newerSchema(path, version: current, known: version)
                }
                for step in steps[current...] { try db.execute(sql: step) }
                try db.execute(sql: "PRAGMA user_version = \(version)")
                return .commit
            }
        }
    }
}
