import ArgumentParser
import Store

/// `frontier cache verify`: re-hash everything and report every fault.
struct CacheVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash every blob and check every entry points at blobs that verify.",
        discussion: """
            Reports every fault found, one per line on standard error, not just the first: blobs \
            whose bytes no longer hash to their digest, blobs that entries point at but that are \
            missing, keys whose stored JSON does not hash to them, and problems SQLite's \
            integrity check finds. A build treats a corrupt entry as a miss and re-computes it, \
            so faults cost time, never wrong answers.

            Examples:
              frontier cache verify
              frontier cache verify --store /data/frontier/store.sqlite

            Exit status: 0 when the store is clean, 1 when any fault was found.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let report = try await store.withStore { try await $0.verify() }
        let checked =
            "checked "
            + [
                RecipeLoading.count(report.blobs, "blob"),
                RecipeLoading.count(report.calls, "call"),
                RecipeLoading.count(report.tasks, "task"),
                RecipeLoading.count(report.versions, "version"),
            ].joined(separator: ", ")
        guard report.isClean else {
            Console.error(report.faults.map { "error: \($0)\n" }.joined())
            Console.output(
                "\(checked): \(RecipeLoading.count(report.faults.count, "fault"))\n")
            throw ExitCode.failure
        }
        Console.output("\(checked): no faults\n")
    }
}
