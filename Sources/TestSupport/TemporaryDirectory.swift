import Foundation

/// A directory that exists for the duration of `body`, then is removed with its contents.
public struct TemporaryDirectory: Sendable {
    public let path: String

    /// Runs `body` with a fresh, empty directory.
    public static func with<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "frontier-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(TemporaryDirectory(path: path))
    }

    /// Runs async `body` with a fresh, empty directory.
    public static func with<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
        let path = NSTemporaryDirectory() + "frontier-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(TemporaryDirectory(path: path))
    }

    /// Writes `text` to `relativePath`, creating directories as needed; returns the full path.
    @discardableResult
    public func write(_ text: String, to relativePath: String) throws -> String {
        let full = path + "/" + relativePath
        let url = URL(fileURLWithPath: full)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return full
    }

    /// The full path of `relativePath` inside this directory.
    public func file(_ relativePath: String) -> String {
        path + "/" + relativePath
    }
}
