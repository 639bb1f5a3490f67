import Basics
import Store
import Synchronization
import Testing
import Tools

@testable import Engine

/// A tool that cannot run its first `failures` calls (as when a process cannot start on a
/// loaded machine), then answers.
private final class FlakyTool: Tool {
    let failures: Int
    let runs = Mutex(0)

    init(failures: Int) { self.failures = failures }

    var name: String { "python" }
    var version: Int { 1 }
    var definition: JSONValue { ["name": "python", "description": "run a program"] }
    var configuration: JSONValue { ["kind": "test"] }
    var reads: Digest? { nil }

    func run(_ arguments: JSONValue) async throws -> ToolResult {
        let run = runs.withLock {
            $0 += 1
            return $0
        }
        if run <= failures {
            throw ToolError("cannot run 'unshare': resource temporarily unavailable")
        }
        return ToolResult(text: "42\n")
    }
}

@Suite("The tool box")
struct ToolBoxTests {
    private func box(_ tool: FlakyTool, store: InMemoryStore) -> ToolBox {
        var box = ToolBox(tools: ["python": tool], store: store)
        box.retryPause = .zero
        return box
    }

    @Test("a tool that cannot start is tried again, and only its real result is cached")
    func transientFailuresAreRetried() async throws {
        let store = InMemoryStore()
        let tool = FlakyTool(failures: 2)
        let box = box(tool, store: store)
        let result = try await box.call("python", argumentsText: #"{"code":"print(42)"}"#)
        #expect(result.text == "42\n")
        #expect(!result.isError)
        #expect(tool.runs.withLock { $0 } == 3)
        let replayed = try await box.call("python", argumentsText: #"{"code":"print(42)"}"#)
        #expect(replayed == result)
        #expect(tool.runs.withLock { $0 } == 3)
        #expect(box.statistics == (run: 1, cached: 1))
    }

    @Test("a tool that never starts fails the call, names the tool, and caches nothing")
    func persistentFailuresFailTheCall() async throws {
        let store = InMemoryStore()
        let tool = FlakyTool(failures: .max)
        let box = box(tool, store: store)
        let error = await #expect(throws: ToolUnavailable.self) {
            try await box.call("python", argumentsText: #"{"code":"print(42)"}"#)
        }
        #expect(error?.description.contains("'python' could not run (5 tries)") == true)
        let key = try tool.key(for: ["code": "print(42)"])
        #expect(await store.lookup(task: key.digest) == nil)
        #expect(box.statistics == (run: 0, cached: 0))
    }
}
