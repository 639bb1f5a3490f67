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

    /// Runs `body` with the store (created when `create` says so, else it must exist); when the
    /// store cannot be opened or fails, says why on standard error and exits 1. Faults met on
    /// reads (a corrupt blob) are reported as warnings: the read was a miss.
    func withStore<T>(
        create: Bool = false, _ body: (SQLiteStore) async throws -> T
    )
        async throws -> T
    {
        do {
            let store = try SQLiteStore(
                path: resolvedPath, mode: create ? .createIfMissing : .existing,
                onFault: { fault in
                    Console.error("warning: store: \(fault); treated as a miss\n")
                })
            return try await body(store)
        } catch let error as StoreError {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
