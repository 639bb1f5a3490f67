internal import Foundation

/// A private directory (mode 0700) made for one run and removed with everything in it after.
struct ScratchDirectory {
    let path: String

    /// Runs `body` with a fresh directory under `parent`, then removes it, also when `body`
    /// throws.
    static func with<T>(
        in parent: String, _ body: (ScratchDirectory) async throws -> T
    ) async throws -> T {
        let path = URL(fileURLWithPath: parent)
            .appendingPathComponent("frontier-python-" + UUID().uuidString).path
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw ToolError("cannot create a temporary directory in '\(parent)': \(error)")
        }
        let directory = ScratchDirectory(path: path)
        defer { directory.remove() }
        return try await body(directory)
    }

    /// Removes the directory; first restores the owner's permissions on what the program may
    /// have locked (a directory without write permission cannot be emptied).
    func remove() {
        if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
        let manager = FileManager.default
        try? manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        if let items = manager.enumerator(atPath: path) {
            for case let item as String in items {
                let full = path + "/" + item
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isDirectory),
                    isDirectory.boolValue
                {
                    try? manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: full)
                }
            }
        }
        try? manager.removeItem(atPath: path)
    }

    /// The full path of `name` inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }
}
