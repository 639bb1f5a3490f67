import Basics
import Foundation
import TestSupport
import Testing

@testable import Tools

/// Programs a model might write that must not harm the machine: each is stopped or contained,
/// with an error result that says what happened.
@Suite("python: hostile programs are stopped or contained")
struct PythonContainmentTests {
    @Test("a program that writes outside its directory is refused, and nothing is written")
    func writeOutside() async throws {
        try await withPythonTool { tool, directory in
            let target = directory.file("escaped.txt")
            let result = try await tool.run([
                "code": .string("open(\(String(reflecting: target)), 'w').write('escaped')")
            ])
            #expect(result.isError)
            #expect(
                result.text.contains(
                    "PermissionError: sandbox: writing outside the working directory is not allowed"
                ), "\(result.text)")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test(
        "deleting, renaming or creating outside the directory, and starting processes, are refused",
        arguments: [
            ("import os\nos.remove('/etc/hostname')", "remove outside the working directory"),
            ("import os\nos.rename('/etc/hostname', 'x')", "rename outside the working directory"),
            ("import os\nos.mkdir('../sibling')", "mkdir outside the working directory"),
            ("import os\nos.system('touch /tmp/frontier-escape')", "os.system is not allowed"),
            ("import subprocess\nsubprocess.run(['true'])", "is not allowed"),
            ("import ctypes", "importing _ctypes is not allowed"),
        ])
    func refusedOperations(code: String, message: String) async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["code": .string(code)])
            #expect(result.isError)
            #expect(result.text.contains("sandbox: "), "\(result.text)")
            #expect(result.text.contains(message), "\(result.text)")
        }
    }

    @Test("files inside the working directory can be written and read back")
    func writeInside() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run([
                "code":
                    "import os\nos.mkdir('data')\nopen('data/a.txt', 'w').write('kept')\nprint(open('data/a.txt').read())"
            ])
            #expect(result == .init(text: "kept\n"))
        }
    }

    @Test("allocating 8 GiB is stopped by the memory limit with a clear error")
    func allocateEightGiB() async throws {
        try await withPythonTool(.init(timeout: 30)) { tool, _ in
            let result = try await tool.run([
                "code": "data = bytearray(8 * 1024 ** 3)\nprint('allocated')"
            ])
            #expect(result.isError)
            #expect(!result.text.contains("allocated"))
            #expect(
                result.text.hasSuffix("[exit status 1; the memory limit is 512 MB]"),
                "\(result.text)")
        }
    }

    @Test("printing 1 GiB is stopped early, keeping the first bytes, with a note")
    func printOneGiB() async throws {
        try await withPythonTool(.init(timeout: 60)) { tool, _ in
            let result = try await tool.run([
                "code":
                    "import sys\nchunk = 'x' * (1 << 20)\nfor _ in range(1024):\n    sys.stdout.write(chunk)"
            ])
            #expect(result.isError)
            #expect(result.truncated)
            #expect(result.text.hasPrefix(String(repeating: "x", count: 64 << 10)))
            #expect(
                result.text.hasSuffix("[stopped: the program printed more than 16 MB]"),
                "\(result.text.suffix(200))")
        }
    }

    @Test("a program that loops forever is stopped at the time limit")
    func loopForever() async throws {
        try await withPythonTool(.init(timeout: 1)) { tool, _ in
            let result = try await tool.run(["code": "while True:\n    pass"])
            #expect(result.isError)
            #expect(result.text.hasSuffix("[timed out after 1s]"))
        }
    }
}
