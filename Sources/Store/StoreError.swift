/// A store that cannot be opened or written: thrown, with a sentence for a person.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }

    /// No store exists at `path` and the caller asked not to create one.
    static func notFound(_ path: String) -> StoreError {
        StoreError("no store at '\(path)'")
    }

    /// The store at `path` was written by a newer `frontier`.
    static func newerSchema(_ path: String, version: Int, known: Int) -> StoreError {
        StoreError(
            "the store at '\(path)' has schema version \(version), newer than this frontier "
                + "understands (\(known)); use a newer frontier or another store")
    }

    /// SQLite failed while doing `operation` on the store at `path`.
    static func database(_ operation: String, path: String, _ error: any Error) -> StoreError {
        StoreError("cannot \(operation) the store at '\(path)': \(error)")
    }
}
