/// What a store has done since it was opened: for tests and progress displays.
public struct StoreCounters: Sendable, Hashable {
    /// Write transactions committed.
    public internal(set) var transactions = 0
    /// Puts and records committed (many share a transaction).
    public internal(set) var writes = 0
    /// Call lookups answered.
    public internal(set) var callHits = 0
    /// Call lookups that found nothing usable.
    public internal(set) var callMisses = 0
    /// Task lookups answered.
    public internal(set) var taskHits = 0
    /// Task lookups that found nothing usable.
    public internal(set) var taskMisses = 0
    /// Reads that met a blob whose bytes did not hash to its digest.
    public internal(set) var corruptReads = 0

    /// All zero.
    public init() {}
}
