import Foundation

/// Golden files: expected output kept beside the tests, compared byte for byte, re-recorded by
/// running the tests with `FRONTIER_RECORD=1`.
public enum Golden {
    /// Whether this run records golden files instead of comparing against them.
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["FRONTIER_RECORD"] == "1"
    }

    /// Nil when `actual` equals the golden file at `path`; otherwise a message showing the first
    /// difference. When recording, writes `actual` to `path` and returns nil.
    public static func mismatch(_ actual: String, goldenPath path: String) -> String? {
        if isRecording {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "no golden file at \(path); run the tests with FRONTIER_RECORD=1 to record it"
        }
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?
            .offset ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? expectedLines[first] : "<end of file>"
        let actualLine = first < actualLines.count ? actualLines[first] : "<end of file>"
        return """
            output differs from \(path) at line \(first + 1):
              expected: \(expectedLine)
              actual:   \(actualLine)
            full output:
            \(actual)
            """
    }
}

/// Paths of test fixtures, found from the test source file's own path.
public enum Fixtures {
    /// The directory holding `file` (pass `#filePath`), joined with `components`.
    public static func path(_ components: String..., relativeTo file: String) -> String {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        for component in components { url.appendPathComponent(component) }
        return url.path
    }

    /// The repository root: the nearest ancestor of `file` that holds `Package.swift`.
    public static func repositoryRoot(from file: String) -> String {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(
                atPath: url.appendingPathComponent("Package.swift").path)
            {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return "."
    }
}
