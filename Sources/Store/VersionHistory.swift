/// The dataset versions a store has recorded; garbage collection keeps what they reference.
public protocol VersionHistory: Sendable {
    /// Records `version` (replacing a version with the same id) once committed.
    func record(_ version: VersionRecord) async throws

    /// Every recorded version, oldest first.
    func versions() async throws -> [VersionRecord]

    /// Tags version `id` with `name`, taking the name from any version that had it and
    /// replacing the version's previous tag. Throws when there is no such version.
    func tag(_ name: String, version id: String) async throws
}
