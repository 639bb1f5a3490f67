/// How much a store holds, and how the last build used it.
public struct StoreStatistics: Sendable, Hashable {
    /// Blobs stored.
    public let blobs: Int
    /// Bytes of all blobs.
    public let blobBytes: Int
    /// Calls cached.
    public let calls: Int
    /// Tasks cached.
    public let tasks: Int
    /// Versions recorded.
    public let versions: Int
    /// Builds recorded.
    public let builds: Int
    /// The size of the store's files on disk; nil for a store that has none.
    public let fileBytes: Int?
    /// The build that started last, if any.
    public let lastBuild: BuildRecord?

    /// Statistics.
    public init(
        blobs: Int, blobBytes: Int, calls: Int, tasks: Int, versions: Int, builds: Int,
        fileBytes: Int?, lastBuild: BuildRecord?
    ) {
        self.blobs = blobs
        self.blobBytes = blobBytes
        self.calls = calls
        self.tasks = tasks
        self.versions = versions
        self.builds = builds
        self.fileBytes = fileBytes
        self.lastBuild = lastBuild
    }
}
