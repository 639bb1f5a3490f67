import ArgumentParser
import Basics
import Foundation
import Store

/// `frontier cache gc`: remove old entries and the blobs only they used.
struct CacheGCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Remove calls and tasks older than --keep-days and blobs nothing else uses.",
        discussion: """
            Calls and tasks recorded more than --keep-days days ago are removed, then blobs \
            stored before then that no remaining entry and no recorded version references. \
            What recorded versions reference is always kept. --dry-run reports what would go \
            and changes nothing.

            Examples:
              frontier cache gc --dry-run
              frontier cache gc --keep-days 7
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Keep entries recorded within this many days.", valueName: "days"))
    var keepDays: Int = 30

    @Flag(help: "Report what would be removed without removing it.")
    var dryRun = false

    func validate() throws {
        guard keepDays >= 0 else { throw ValidationError("--keep-days must be 0 or more") }
    }

    func run() async throws {
        let cutoff = Date().addingTimeInterval(-Double(keepDays) * 86_400)
        let report = try await store.withStore {
            try await $0.collectGarbage(before: cutoff, dryRun: dryRun)
        }
        let what =
            "\(RecipeLoading.count(report.calls, "call")), "
            + "\(RecipeLoading.count(report.tasks, "task")), "
            + "\(RecipeLoading.count(report.blobs, "blob")) "
            + "(\(ByteCount.describe(report.blobBytes)))"
        let verb = dryRun ? "would remove" : "removed"
        Console.output("\(verb) \(what) recorded before \(cutoff.formatted(.iso8601))\n")
    }
}
