import ArgumentParser

/// `frontier cache stats|verify|gc`: look after the store of cached calls and tasks.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect, verify and trim the store of cached calls, tasks and blobs.",
        discussion: """
            The store is one SQLite database holding every LLM call and task a build made, \
            addressed by their keys, and the blobs they produced, addressed by their SHA-256. \
            It is .frontier/store.sqlite in the working directory unless --store or \
            FRONTIER_STORE names another.

            Examples:
              frontier cache stats
              frontier cache verify --store /data/frontier/store.sqlite
              frontier cache gc --keep-days 7 --dry-run
            """,
        subcommands: [CacheStatsCommand.self, CacheVerifyCommand.self, CacheGCCommand.self]
    )
}
