/// A complete store: blobs, the call and task caches, versions, builds and maintenance.
///
/// The engine and the commands take one of these; ``SQLiteStore`` is the embedded backend and
/// ``InMemoryStore`` the one for tests. A shared backend (PostgreSQL) would be a third.
public protocol StoreBackend: ContentStore, CallCache, TaskCache, VersionHistory, BuildHistory,
    StoreMaintenance
{
    /// What this store has done since it was opened.
    func counters() async -> StoreCounters
}
