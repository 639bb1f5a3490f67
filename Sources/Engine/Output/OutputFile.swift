import Basics
import Foundation

/// Writing an output file atomically: the records go to a temporary file beside it, which is
/// then renamed over it, so a reader (or a build stopped half-way) never sees a partial file.
/// A file whose bytes would not change is left alone, keeping its inode and modification time.
enum OutputFile {
    /// Writes `records` sorted by their `id`, one canonical JSON object per line. Returns
    /// whether the file changed.
    @discardableResult
    static func write(_ records: [JSONValue], to path: String) throws -> Bool {
        try write(render(records), to: path)
    }

    /// The file's bytes: `records` sorted by their `id`, one canonical JSON object per line.
    static func render(_ records: [JSONValue]) throws -> [UInt8] {
        let sorted = records.sorted {
            ($0["id"]?.stringValue ?? "") < ($1["id"]?.stringValue ?? "")
        }
        var bytes: [UInt8] = []
        for record in sorted {
            bytes += try record.canonicalBytes()
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Writes `bytes` unless the file holds them already. Returns whether the file changed.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) throws -> Bool {
        let data = Data(bytes)
        if let existing = FileManager.default.contents(atPath: path), existing == data {
            return false
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(
                ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw BuildError("cannot write '\(path)': \(reason)")
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError("cannot write '\(path)': \(error.localizedDescription)")
        }
        return true
    }
}
