import ArgumentParser
import Foundation
import Store

/// `--store PATH`: which store a command uses.
struct StoreOptions: ParsableArguments {
    /// Where the store is when neither `--store` nor `FRONTIER_STORE` says.
    static let defaultPath = ".frontier/store.sqlite"

    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The store database (default: $FRONTIER_STORE, else \(StoreOptions.defaultPath)).",
            valueName: "path"))
    var path: String?

    /// The path from `--store`, else `FRONTIER_STORE`, else the default.
    var resolvedPath: String {
        if let path { return path }
        if let path = ProcessInfo.processInfo.environment["FRONTIER_STORE"], !path.isEmpty {
            return path
        }
        return Self.defaultPath
    }

    /// Runs `body` with the existing store; when the store cannot be opened or `body` fails,
    /// says why on standard error and exits 1. Never creates a store.
    func withStore<T>(_ body: (SQLiteStore) async throws -> T) async throws -> T {
        do {
            return try await body(try SQLiteStore(path: resolvedPath, mode: .existing))
        } catch let error as StoreError {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
