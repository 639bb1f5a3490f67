public import Basics

/// The dataset versions a store has recorded; garbage collection keeps what they reference.
///
/// A version's record index is rows in the store (``VersionRow``), read back through a cursor,
/// and each distinct lineage is kept once, by its digest, so a version of a million records
/// that shares most of them with the one before adds few lineages.
public protocol VersionHistory: Sendable {
    /// Records `version` (replacing a version with the same id) once committed.
    func record(_ version: VersionRecord) async throws

    /// Every recorded version, oldest first.
    func versions() async throws -> [VersionRecord]

    /// Tags version `id` with `name`, taking the name from any version that had it and
    /// replacing the version's previous tag. Throws when there is no such version.
    func tag(_ name: String, version id: String) async throws

    /// Records the record index of version `id`, in one transaction: its rows, in order, and
    /// the lineages they name (each lineage's digest → its text). A version's id names its
    /// records, so recording rows for a version that has rows already does nothing; lineages
    /// already stored are not stored again.
    func recordRows(
        _ rows: [VersionRow], lineages: [Digest: String], version id: String)
        async throws

    /// Folds the rows of version `id`, in the order recorded, into `initial`: rows are read
    /// through a cursor and never held all at once by the store. No rows when it has none.
    func foldRows<Result: Sendable>(
        version id: String, into initial: Result,
        _ update: @escaping @Sendable (inout Result, VersionRow) throws -> Void
    ) async throws -> Result

    /// The stored lineages among `digests`, each digest → its text.
    func lineages(_ digests: Set<Digest>) async throws -> [Digest: String]
}
