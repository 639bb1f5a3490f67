public import Foundation

/// One build: when it ran and how many of its calls the store served.
public struct BuildRecord: Sendable, Hashable {
    /// The build's identifier.
    public let id: String
    /// When the build started.
    public let started: Date
    /// When the build finished; nil while it runs or when it was interrupted.
    public let finished: Date?
    /// Calls sent to an endpoint.
    public let callsSent: Int
    /// Calls served from the store.
    public let callsCached: Int

    /// A build record.
    public init(id: String, started: Date, finished: Date?, callsSent: Int, callsCached: Int) {
        self.id = id
        self.started = started
        self.finished = finished
        self.callsSent = callsSent
        self.callsCached = callsCached
    }

    /// The share of calls served from the store, from 0 to 1; nil when the build made none.
    public var hitRate: Double? {
        let total = callsSent + callsCached
        return total == 0 ? nil : Double(callsCached) / Double(total)
    }
}
