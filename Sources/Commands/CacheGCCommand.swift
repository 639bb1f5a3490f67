import ArgumentParser
import Basics
import Engine
import Foundation
import Store

/// `frontier cache gc`: remove what no kept version reaches.
struct CacheGCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract:
            "Remove what no kept version reaches: old versions, their tasks, calls and blobs.",
        discussion: """
            Keeps tagged versions and the newest --keep versions, each with its manifest, \
            records and tasks and the calls those tasks name, and everything recorded since the \
            newest version (work not yet part of one, such as a build stopped at its budget). \
            Everything else goes, and the database file is compacted. --dry-run reports what \
            would go and changes nothing.

            With --keep-days instead (or when the store has no versions yet), calls and tasks \
            older than that many days go, with the blobs only they used; every version is kept.

            Examples:
              frontier cache gc --dry-run
              frontier cache gc --keep 3
              frontier cache gc --keep-days 7
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp("Keep the newest N versions (and every tagged one).", valueName: "N"))
    var keep: Int = 5

    @Option(
        help: ArgumentHelp(
            "Instead, keep entries recorded within this many days, and every version.",
            valueName: "days"))
    var keepDays: Int?

    @Flag(help: "Report what would be removed without removing it.")
    var dryRun = false

    func validate() throws {
        if let keepDays, keepDays < 0 { throw ValidationError("--keep-days must be 0 or more") }
        if keep < 0 { throw ValidationError("--keep must be 0 or more") }
    }

    func run() async throws {
        let verb = dryRun ? "would remove" : "removed"
        try await store.withStore { database in
            let catalog = try await VersionCatalog(store: database)
            if keepDays != nil || catalog.versions.isEmpty {
                let days = keepDays ?? 30
                let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
                let report = try await database.collectGarbage(before: cutoff, dryRun: dryRun)
                Console.output(
                    "\(verb) \(Self.describe(report)) recorded before "
                        + "\(cutoff.formatted(.iso8601))"
                        + (keepDays == nil ? " (no versions yet: kept \(days) days)" : "") + "\n")
                return
            }
            let (retention, kept) = try await catalog.retention(keep: keep)
            let report = try await database.collectGarbage(retaining: retention, dryRun: dryRun)
            Console.output(
                "kept \(RecipeLoading.count(kept.count, "version")) ("
                    + kept.map { $0.id.prefix(12) + ($0.record.tag.map { " \($0)" } ?? "") }
                    .joined(separator: ", ") + "); \(verb) "
                    + "\(RecipeLoading.count(report.versions, "version")), "
                    + Self.describe(report) + "\n")
        }
    }

    private static func describe(_ report: GarbageCollectionReport) -> String {
        "\(RecipeLoading.count(report.calls, "call")), "
            + "\(RecipeLoading.count(report.tasks, "task")), "
            + "\(RecipeLoading.count(report.blobs, "blob")) "
            + "(\(ByteCount.describe(report.blobBytes)))"
    }
}
