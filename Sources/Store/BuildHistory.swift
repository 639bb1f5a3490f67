/// The builds run against a store, so `frontier cache stats` can show the last one's hit rate.
public protocol BuildHistory: Sendable {
    /// Records `build` (replacing a build with the same id, so a build can be recorded when it
    /// starts and again when it finishes) once committed.
    func record(_ build: BuildRecord) async throws

    /// The build that started last, if any.
    func lastBuild() async throws -> BuildRecord?
}
