import ArgumentParser
import Basics
import Foundation
import Store

/// `frontier cache stats`: what the store holds and how the last build used it.
struct CacheStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the entries and bytes in the store and the hit rate of the last build.",
        discussion: """
            Examples:
              frontier cache stats
              FRONTIER_STORE=/data/store.sqlite frontier cache stats
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let statistics = try await store.withStore { try await $0.statistics() }
        Console.output(Self.render(statistics, path: store.resolvedPath))
    }

    static func render(_ statistics: StoreStatistics, path: String) -> String {
        var lines = ["store:    \(path)"]
        if let fileBytes = statistics.fileBytes {
            lines[0] += " (\(ByteCount.describe(fileBytes)) on disk)"
        }
        lines += [
            "blobs:    \(statistics.blobs) (\(ByteCount.describe(statistics.blobBytes)))",
            "calls:    \(statistics.calls)",
            "tasks:    \(statistics.tasks)",
            "versions: \(statistics.versions)",
            "builds:   \(statistics.builds)",
        ]
        if let build = statistics.lastBuild {
            let finished =
                build.finished.map { "finished \($0.formatted(.iso8601))" } ?? "unfinished"
            lines.append(
                "last build: \(build.id), started \(build.started.formatted(.iso8601)), \(finished)"
            )
            let total = build.callsSent + build.callsCached
            let rate = build.hitRate.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
            lines.append(
                "hit rate:   \(rate) (\(build.callsCached) of \(total) calls served from the store)"
            )
        } else {
            lines.append("last build: none")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
