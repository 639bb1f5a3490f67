import Basics
import Testing
import Tools

@Suite("python tool")
struct PythonToolTests {
    @Test("what the program prints comes back")
    func prints() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["code": "print(6 * 7)\nprint('done')"])
            #expect(result == ToolResult(text: "42\ndone\n"))
        }
    }

    @Test("standard error comes back with standard output, in order")
    func standardError() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run([
                "code": "import sys\nprint('one')\nprint('two', file=sys.stderr)\nprint('three')"
            ])
            #expect(result.text == "one\ntwo\nthree\n")
        }
    }

    @Test("a program that prints nothing says so")
    func noOutput() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["code": "x = 1"])
            #expect(result == ToolResult(text: "(no output)"))
        }
    }

    @Test("a syntax error is an error result with the traceback")
    func syntaxError() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["code": "print('a'\nx = 1"])
            #expect(result.isError)
            #expect(result.text.contains("File \"<code>\", line 1"))
            #expect(result.text.contains("SyntaxError"))
            #expect(result.text.hasSuffix("[exit status 1]"))
        }
    }

    @Test("an exception is an error result with the program's own traceback")
    func exception() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["code": "def f():\n    return 1 / 0\nf()"])
            #expect(result.isError)
            #expect(result.text.hasPrefix("Traceback (most recent call last):\n  File \"<code>\""))
            #expect(result.text.contains("return 1 / 0"))
            #expect(result.text.contains("ZeroDivisionError: division by zero"))
            #expect(!result.text.contains("_frontier_bootstrap"))
        }
    }

    @Test("a non-zero exit status is an error result")
    func exitStatus() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["code": "import sys\nprint('bye')\nsys.exit(3)"])
            #expect(result == ToolResult(text: "bye\n[exit status 3]", isError: true))
        }
    }

    @Test("an endless loop is stopped at the time limit and reported, keeping earlier output")
    func timeout() async throws {
        try await withPythonTool(.init(timeout: 1)) { tool, _ in
            let result = try await tool.run(["code": "print('started')\nwhile True:\n    pass"])
            #expect(result.isError)
            #expect(result.text == "started\n[timed out after 1s]")
        }
    }

    @Test("allocating more than the memory limit is an error result")
    func memoryLimit() async throws {
        try await withPythonTool(.init(timeout: 30, memory: 256 << 20)) { tool, _ in
            let result = try await tool.run([
                "code": "data = bytearray(2 * 1024 ** 3)\nprint('allocated')"
            ])
            #expect(result.isError)
            #expect(result.text.contains("MemoryError"))
            #expect(!result.text.contains("allocated"))
            #expect(result.text.hasSuffix("[exit status 1; the memory limit is 256 MB]"))
        }
    }

    @Test("output over the cap is cut, with a note")
    func outputCap() async throws {
        try await withPythonTool(.init(timeout: 30, maxOutput: 1000)) { tool, _ in
            let result = try await tool.run(["code": "print('x' * 100000)"])
            #expect(!result.isError)
            #expect(result.truncated)
            #expect(
                result.text == String(repeating: "x", count: 1000)
                    + "\n[output truncated: showing the first 1000 of 100001 bytes]")
        }
    }

    @Test("missing code is an error result")
    func missingCode() async throws {
        try await withPythonTool { tool, _ in
            let result = try await tool.run(["program": "print(1)"])
            #expect(result == .error("missing the required argument 'code' (a string)"))
        }
    }

    @Test("the definition asks for code; the configuration holds every limit")
    func definition() async throws {
        try await withPythonTool(.init(timeout: 2.5, memory: 64 << 20, maxOutput: 4096)) {
            tool, _ in
            #expect(tool.definition["parameters"]?["required"] == ["code"])
            #expect(
                tool.configuration == [
                    "kind": "python", "timeout": 2.5, "memory": .integer(64 << 20),
                    "max_output": 4096,
                ])
            #expect(tool.reads == nil)
        }
    }
}
