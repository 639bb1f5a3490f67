import Basics
import Foundation
import TestSupport
import Tools

/// Runs `body` with a python tool configured by `configuration`, whose runs make their
/// directories in a fresh temporary directory (passed too, to look inside).
func withPythonTool(
    _ configuration: PythonTool.Configuration = .init(timeout: 120),
    isolateNetwork: Bool = true,
    _ body: (PythonTool, TemporaryDirectory) async throws -> Void
) async throws {
    try await TemporaryDirectory.with { directory in
        let sandbox = try await PythonSandbox.prepare(
            searchPath: testSearchPath, temporaryDirectory: directory.path,
            isolateNetwork: isolateNetwork)
        try await body(
            PythonTool(name: "python", sandbox: sandbox, configuration: configuration), directory)
    }
}

/// The test process's `PATH`, where `python3`, `unshare` and `env` are found.
let testSearchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
