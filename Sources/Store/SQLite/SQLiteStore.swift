public import Basics
public import Foundation
internal import GRDB

/// The embedded store: one SQLite database in WAL mode, shared safely by several processes.
///
/// Point reads share read transactions (group read) and verify every blob they return. Writes go through a group-commit
/// writer: concurrent puts and records share transactions, and each call returns only once its
/// transaction has committed. With `synchronous = NORMAL` in WAL mode a committed write survives
/// the process being killed; a power loss may lose the last commits but never corrupts the file.
public final class SQLiteStore: StoreBackend {
    /// Whether opening a store may create it.
    public enum OpenMode: Sendable {
        /// Create the database (and its directory) when it does not exist.
        case createIfMissing
        /// Throw when there is no database at the path.
        case existing
    }

    /// How long a write waits for another process's transaction before failing.
    public static let busyTimeout: TimeInterval = 10

    /// The database file.
    public let path: String

    let pool: DatabasePool
    let writer: GroupCommitWriter
    let reader: GroupReader
    let counterBox: CounterBox
    let onFault: StoreFaultHandler

    /// Opens (and with `.createIfMissing`, creates) the store at `path` and brings its schema up
    /// to date; with `.existing`, a missing file or one that is not a store is an error. `clock` stamps entries; `onFault` hears of corrupt or missing blobs met on reads.
    public init(
        path: String, mode: OpenMode = .createIfMissing,
        clock: @escaping @Sendable () -> Date = { Date() },
        onFault: @escaping StoreFaultHandler = { _ in }
    ) throws {
        self.path = path
        self.onFault = onFault
        switch mode {
        case .existing:
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError.notFound(path)
            }
            // Refuse what is not even SQLite before opening it, which would convert it to WAL.
            let header = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) }
            guard header == Data("SQLite format 3\0".utf8) else {
                throw StoreError("'\(path)' is not a frontier store")
            }
        case .createIfMissing:
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError("cannot create the directory '\(directory.path)': \(error)")
            }
        }
        var configuration = Configuration()
        configuration.label = "frontier.store"
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
        do {
            pool = try Self.openPool(path: path, configuration: configuration)
            try StoreSchema.migrate(pool, path: path, create: mode == .createIfMissing)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database("open", path: path, error)
        }
        counterBox = CounterBox()
        writer = GroupCommitWriter(pool: pool, path: path, clock: clock, counters: counterBox)
        reader = GroupReader(pool: pool, path: path)
    }

    /// Opens the pool, retrying while another process holds the lock that switching a new
    /// database to WAL needs: two processes creating one store at once both succeed (SQLite
    /// does not apply the busy timeout to that switch).
    private static func openPool(
        path: String, configuration: Configuration
    ) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY && Date() < deadline
            {
                usleep(20_000)
            }
        }
    }

    public func counters() async -> StoreCounters {
        counterBox.value
    }

    // MARK: ContentStore

    public func put(_ bytes: [UInt8]) async throws -> Digest {
        try Task.checkCancellation()
        let digest = Digest(of: bytes)
        try await writer.commit([.blob(digest, bytes)])
        return digest
    }

    public func get(_ digest: Digest) async throws -> [UInt8]? {
        guard case .blob(let data) = try await reader.answer(.blob(digest)) else {
            throw InternalError("a blob query answered with something else")
        }
        return data.flatMap { verified($0, digest, usedBy: []) }
    }

    public func has(_ digest: Digest) async throws -> Bool {
        guard case .exists(let exists) = try await reader.answer(.exists(digest)) else {
            throw InternalError("an existence query answered with something else")
        }
        return exists
    }

    // MARK: CallCache

    public func lookup(call key: Digest) async throws -> CachedCall? {
        guard case .call(let found, let data) = try await reader.answer(.call(key)) else {
            throw InternalError("a call query answered with something else")
        }
        let reference = BlobReference(.call(key), .response)
        guard let call = found,
            let response = blob(data, call.responseDigest, usedBy: reference)
        else {
            counterBox.update { $0.callMisses += 1 }
            return nil
        }
        counterBox.update { $0.callHits += 1 }
        return CachedCall(
            key: key, keyJSON: call.keyJSON, requestDigest: call.requestDigest,
            responseDigest: call.responseDigest, response: response, model: call.model,
            endpoint: call.endpoint, tokensIn: call.tokensIn, tokensOut: call.tokensOut,
            latency: call.latency, created: call.created)
    }

    public func response(forCall key: Digest) async throws -> [UInt8]? {
        guard case .response(let digest, let data) = try await reader.answer(.response(key)) else {
            throw InternalError("a response query answered with something else")
        }
        let reference = BlobReference(.call(key), .response)
        guard let digest, let response = blob(data, digest, usedBy: reference) else {
            counterBox.update { $0.callMisses += 1 }
            return nil
        }
        counterBox.update { $0.callHits += 1 }
        return response
    }

    public func record(_ call: CallRecord) async throws {
        try Task.checkCancellation()
        let request = Digest(of: call.request)
        let response = Digest(of: call.response)
        try await writer.commit([.call(call, request: request, response: response)])
    }

    // MARK: TaskCache

    public func lookup(task key: Digest) async throws -> CachedTask? {
        guard case .task(let found, let data) = try await reader.answer(.task(key)) else {
            throw InternalError("a task query answered with something else")
        }
        let reference = BlobReference(.task(key), .output)
        guard let task = found, let output = blob(data, task.outputDigest, usedBy: reference)
        else {
            counterBox.update { $0.taskMisses += 1 }
            return nil
        }
        counterBox.update { $0.taskHits += 1 }
        return CachedTask(
            key: key, keyJSON: task.keyJSON, node: task.node, outputDigest: task.outputDigest,
            output: output, created: task.created)
    }

    public func record(_ task: TaskRecord) async throws {
        try Task.checkCancellation()
        let output = Digest(of: task.output)
        try await writer.commit([.blob(output, task.output), .task(task, output: output)])
    }

    // MARK: Reading

    /// Runs `body` in a read transaction of its own, turning database errors into ``StoreError``.
    func reading<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StoreError.database(operation, path: path, error)
        }
    }

    /// The bytes of a blob an entry references, or nil (reported) when missing or corrupt.
    private func blob(_ data: Data?, _ digest: Digest, usedBy reference: BlobReference) -> [UInt8]?
    {
        guard let data else {
            onFault(.missingBlob(digest, referencedBy: [reference]))
            return nil
        }
        return verified(data, digest, usedBy: [reference])
    }

    /// `data` when it hashes to `digest`; otherwise nil, counted and reported.
    private func verified(
        _ data: Data, _ digest: Digest, usedBy references: [BlobReference]
    )
        -> [UInt8]?
    {
        guard Digest(of: data) == digest else {
            counterBox.update { $0.corruptReads += 1 }
            onFault(.corruptBlob(digest, referencedBy: references))
            return nil
        }
        return [UInt8](data)
    }
}
