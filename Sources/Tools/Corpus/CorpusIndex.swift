public import Basics
internal import Foundation
internal import GRDB

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// BM25 search over a corpus's chunks, in an SQLite FTS5 table.
///
/// The index of a corpus is built once and kept as `<directory>/<corpus digest>.sqlite`;
/// opening the same corpus again reuses the file. It is written to a temporary file and renamed
/// into place, so a crash never leaves a half-built index under the final name, and processes
/// that build the same index at once each rename a complete one. The file is only read after
/// that.
public final class CorpusIndex: Sendable {
    /// Whether opening built the index or found it already there.
    public enum Origin: Sendable, Hashable {
        case built
        case reused
    }

    /// Bumped when the tables or tokenizer change; an index of another format is rebuilt.
    static let format = 1

    /// The digest of the corpus the index holds.
    public let digest: Digest
    /// The index file.
    public let path: String
    /// Whether this open built the file.
    public let origin: Origin

    private let pool: DatabasePool

    /// Opens the index of `corpus` in `directory` (created if missing), building it first
    /// unless a complete index of the same corpus is already there.
    public init(corpus: Corpus, directory: String) async throws {
        digest = corpus.digest
        path = URL(fileURLWithPath: directory).appendingPathComponent(digest.hex + ".sqlite").path
        if FileManager.default.fileExists(atPath: path),
            let pool = try? Self.openVerified(path, digest: digest)
        {
            self.pool = pool
            origin = .reused
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ToolError("cannot create the index directory '\(directory)': \(error)")
        }
        try await Self.build(corpus, at: path)
        do {
            pool = try Self.openVerified(path, digest: digest)
        } catch {
            throw ToolError("cannot open the corpus index '\(path)': \(error)")
        }
        origin = .built
    }

    /// The `topK` chunks that best match `query`, best first (ties by chunk id). A query with
    /// no words, or a `topK` below 1, finds nothing; no query text is an error.
    public func search(_ query: String, topK: Int) async throws -> [SearchHit] {
        let query = SearchQuery(query)
        guard !query.isEmpty, topK > 0 else { return [] }
        let expression = query.expression
        do {
            return try await pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, document, discipline, bm25(chunks) AS rank,
                            snippet(chunks, 3, '**', '**', '…', 24) AS snippet
                        FROM chunks WHERE chunks MATCH ? ORDER BY rank, id LIMIT ?
                        """,
                    arguments: [expression, topK]
                )
                .map { row in
                    SearchHit(
                        id: row["id"], document: row["document"], discipline: row["discipline"],
                        score: -(row["rank"] as Double), snippet: row["snippet"])
                }
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw ToolError("cannot search the corpus index '\(path)': \(error)")
        }
    }

    /// Opens `path` read-only and checks that it is a complete index of `digest` in this
    /// format.
    private static func openVerified(_ path: String, digest: Digest) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "frontier.corpus-index"
        configuration.readonly = true
        let pool = try DatabasePool(path: path, configuration: configuration)
        let meta = try pool.read { db in
            try [String: String](
                Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                    ($0["key"], $0["value"])
                },
                uniquingKeysWith: { first, _ in first })
        }
        guard meta["format"] == String(format), meta["corpus"] == digest.hex else {
            throw ToolError(
                "'\(path)' is not an index of corpus \(digest.prefix()) in format \(format)")
        }
        return pool
    }

    /// Writes the index of `corpus` to a temporary file beside `path`, then renames it to
    /// `path`.
    private static func build(_ corpus: Corpus, at path: String) async throws {
        let temporary = path + ".\(UUID().uuidString).tmp"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                        CREATE VIRTUAL TABLE chunks USING fts5(
                            id UNINDEXED, document UNINDEXED, discipline UNINDEXED, text,
                            tokenize = 'porter unicode61 remove_diacritics 2');
                        """)
                let insert = try db.makeStatement(
                    sql: "INSERT INTO chunks (id, document, discipline, text) VALUES (?, ?, ?, ?)")
                for chunk in corpus.chunks {
                    try insert.execute(
                        arguments: [chunk.id, chunk.document, chunk.discipline, chunk.text])
                }
                try db.execute(sql: "INSERT INTO chunks (chunks) VALUES ('optimize')")
                try db.execute(
                    sql: "INSERT INTO meta (key, value) VALUES ('format', ?), ('corpus', ?)",
                    arguments: [String(format), corpus.digest.hex])
            }
            try queue.close()
        } catch let error as CancellationError {
            throw error
        } catch {
            throw ToolError("cannot build the corpus index '\(path)': \(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ToolError("cannot move the corpus index into place at '\(path)': \(reason)")
        }
    }
}
