import Basics
import Foundation
import TestSupport
import Testing

@testable import Tools

@Suite("python sandbox")
struct PythonSandboxTests {
    @Test("processes a command leaves running are killed when it ends")
    func leftoverProcessesKilled() async throws {
        // Programs cannot start processes (the sandbox refuses); the runner under them still
        // kills whatever a command leaves in its process group.
        let first = try await ProcessRunner.run(
            "sh", ["-c", "sleep 600 & echo $!"], environment: ["PATH": testSearchPath],
            timeout: 30, outputLimit: 4096)
        let pid = try #require(
            Int32(first.output.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        var ended = false
        for _ in 0..<600 where !ended {
            // Signal 0 checks for existence; a zombie awaiting its reaper counts as ended.
            let state = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            ended = kill(pid, 0) != 0 || state?.contains(") Z ") == true
            if !ended { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ended)
    }

    @Test("a program cannot start processes")
    func noSubprocesses() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run([
                "code": "import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', 'pass'])"
            ])
            #expect(result.isError)
            #expect(result.text.contains("sandbox: "), "\(result.text)")
        }
    }

    @Test("the working directory is a fresh private directory that is removed afterwards")
    func workingDirectory() async throws {
        try await withPythonTool { tool, directory in
            let code = """
                import os, stat
                print(os.getcwd())
                print(os.listdir("."))
                print(os.environ["HOME"] == os.getcwd())
                print(oct(stat.S_IMODE(os.stat("..").st_mode)))
                open("scratch.txt", "w").write("left behind?")
                """
            let result = try await tool.run(["code": .string(code)])
            let lines = result.text.split(separator: "\n").map(String.init)
            try #require(lines.count == 4)
            #expect(lines[0].hasPrefix(directory.path + "/frontier-python-"))
            #expect(lines[1] == "[]")
            #expect(lines[2] == "True")
            #expect(lines[3] == "0o700")
            #expect(!FileManager.default.fileExists(atPath: lines[0]))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
        }
    }

    @Test("variables of the parent's environment are not visible to the program")
    func environment() async throws {
        // The test process's own variables stand for the parent's secrets; none is set here,
        // as setenv races every thread that starts a process meanwhile (and crashed them).
        try await withPythonTool { tool, _ in
            let code = "import os\nprint(sorted(os.environ))"
            let result = try await tool.run(["code": .string(code)])
            #expect(result.text == "['HOME', 'LANG', 'PATH']\n")
            // HOME is the program's own directory, never the parent's.
            let home = try await tool.run(["code": "import os; print(os.environ['HOME'])"])
            #expect(home.text != (ProcessInfo.processInfo.environment["HOME"] ?? "") + "\n")
        }
    }

    @Test("with network isolation, only a loopback interface exists and connecting fails")
    func networkIsolated() async throws {
        let listener = try LoopbackListener()
        try await withPythonTool { tool, _ in
            guard tool.networkIsolated else {
                // This kernel or container does not allow it: then the tool must say so.
                #expect(tool.warning != nil)
                return
            }
            #expect(tool.warning == nil)
            let code = """
                import socket
                print([name for _, name in socket.if_nameindex()])
                socket.create_connection(("127.0.0.1", \(listener.port)), timeout=10)
                print("connected")
                """
            let result = try await tool.run(["code": .string(code)])
            #expect(result.isError)
            #expect(result.text.hasPrefix("['lo']\n"))
            #expect(result.text.contains("OSError") || result.text.contains("Error: [Errno"))
            #expect(!result.text.contains("connected"))
        }
    }

    @Test("without network isolation, the same program reaches the test's listener")
    func networkNotIsolated() async throws {
        let listener = try LoopbackListener()
        try await withPythonTool(isolateNetwork: false) { tool, _ in
            #expect(!tool.networkIsolated)
            #expect(tool.warning != nil)
            let code = """
                import socket
                socket.create_connection(("127.0.0.1", \(listener.port)), timeout=10)
                print("connected")
                """
            let result = try await tool.run(["code": .string(code)])
            #expect(result == ToolResult(text: "connected\n"))
        }
    }

    @Test("cancelling a run stops the program and throws CancellationError")
    func cancellation() async throws {
        try await withPythonTool { tool, _ in
            let run = Task { try await tool.run(["code": "while True:\n    pass"]) }
            run.cancel()
            await #expect(throws: CancellationError.self) { try await run.value }
        }
    }

    @Test("preparing with an interpreter that does not exist throws a sentence naming it")
    func missingInterpreter() async throws {
        try await TemporaryDirectory.with { directory in
            let error = await #expect(throws: ToolError.self) {
                try await PythonSandbox.prepare(
                    python: "python-that-is-not-there", searchPath: testSearchPath,
                    temporaryDirectory: directory.path)
            }
            #expect(error?.description.hasPrefix("cannot run 'python-that-is-not-there'") == true)
        }
    }
}
